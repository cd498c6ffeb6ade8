package org.iepservices.schedule.domain.activity;

/**
 * How structured a class activity is. A push-in needs something to push into: in a LOW-structure
 * block (free play, unstructured centers) it tends to become "performative". One vocabulary for
 * the stored blocks, the conflict rules, the recommendation and the automatic scheduler.
 */
public enum Structure {
    HIGH,
    MODERATE,
    LOW
}
