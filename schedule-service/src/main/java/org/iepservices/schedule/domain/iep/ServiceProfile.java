package org.iepservices.schedule.domain.iep;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What scheduling needs of a student's service profile (ServiceProfileUpdated): regulation needs. */
@Entity
@Table(name = "service_profile")
public class ServiceProfile extends PanacheEntityBase {

    @Id
    @Column(name = "student_id")
    public UUID studentId;

    /** NONE, SOME or HIGH: HIGH favours a quiet pull-out room. */
    @Column(name = "regulation_support")
    public String regulationSupport;

    @Column(name = "needs_quiet_setting")
    public boolean needsQuietSetting;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
