package org.iepservices.student.domain;

/** Whether a mandate's sessions are one-to-one or in a group (then capped by maxGroupSize). */
public enum Delivery {
    INDIVIDUAL,
    GROUP
}
