package org.iepservices.events;

/** Where a service is delivered: inside the classroom or in a separate therapy room. */
public enum ServiceSetting {
    PUSH_IN,
    PULL_OUT
}
