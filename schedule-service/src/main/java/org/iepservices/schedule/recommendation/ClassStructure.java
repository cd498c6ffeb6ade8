package org.iepservices.schedule.recommendation;

/**
 * How structured and manageable a class activity block is. LOW means there is nothing to push
 * into: push-in there is pull-out in a louder room.
 */
public enum ClassStructure {
    HIGH,
    MODERATE,
    LOW
}
