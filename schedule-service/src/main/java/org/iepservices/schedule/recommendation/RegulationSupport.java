package org.iepservices.schedule.recommendation;

/** How much sensory and regulation support the student needs (service profile). */
public enum RegulationSupport {
    NONE,
    SOME,
    HIGH
}
