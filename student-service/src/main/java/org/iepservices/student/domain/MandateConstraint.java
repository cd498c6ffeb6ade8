package org.iepservices.student.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.iepservices.events.ActivitySubject;
import org.iepservices.events.ServiceSetting;

/** "Not during ELA_READING" for the pull-out sessions, "prefer WRITING" for the push-in ones. */
@Embeddable
public class MandateConstraint {

    @Enumerated(EnumType.STRING)
    public ConstraintKind kind;

    @Enumerated(EnumType.STRING)
    public ActivitySubject subject;

    /** The sessions it applies to; null for every session of the mandate. */
    @Enumerated(EnumType.STRING)
    public ServiceSetting setting;

    public String note;

    public MandateConstraint() {
    }

    public MandateConstraint(ConstraintKind kind, ActivitySubject subject, ServiceSetting setting, String note) {
        this.kind = kind;
        this.subject = subject;
        this.setting = setting;
        this.note = note;
    }
}
