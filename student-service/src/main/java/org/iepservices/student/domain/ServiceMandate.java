package org.iepservices.student.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.UUID;

/** How often, how long and where (split by setting) a related service is delivered. */
@Entity
@Table(name = "service_mandate")
public class ServiceMandate extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne
    @JoinColumn(name = "iep_id")
    public Iep iep;

    public int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type")
    public ServiceType serviceType;

    @Column(name = "sessions_per_interval")
    public int sessionsPerInterval;

    @Column(name = "minutes_per_session")
    public int minutesPerSession;

    @Enumerated(EnumType.STRING)
    @Column(name = "interval_unit")
    public MandateInterval interval;

    @Column(name = "push_in_sessions")
    public int pushInSessions;

    @Column(name = "pull_out_sessions")
    public int pullOutSessions;

    @Column(name = "max_group_size")
    public int maxGroupSize;

    @Column(name = "provider_id")
    public UUID providerId;
}
