package org.iepservices.student.domain;

/** How much sensory and self-regulation support a student needs; HIGH favours a quiet pull-out room. */
public enum RegulationSupport {
    NONE,
    SOME,
    HIGH
}
