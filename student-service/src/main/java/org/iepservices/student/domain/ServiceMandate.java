package org.iepservices.student.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How often, how long and where (split by setting) a related service is delivered:
 * "speech 2 x 30 min per week, 1 pull-out + 1 push-in" is one mandate.
 */
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

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_discipline")
    public Discipline providerDiscipline;

    /** The assigned provider, a staff member of {@link #providerDiscipline}; null until assigned. */
    @Column(name = "provider_id")
    public UUID providerId;

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

    @Enumerated(EnumType.STRING)
    public Delivery delivery;

    @Column(name = "max_group_size")
    public int maxGroupSize;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /** Where push-in sessions happen, e.g. "general education classroom". */
    @Column(name = "push_in_location")
    public String pushInLocation;

    /** Where pull-out sessions happen, e.g. "speech room". */
    @Column(name = "pull_out_location")
    public String pullOutLocation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mandate_constraint", joinColumns = @JoinColumn(name = "mandate_id"))
    @OrderColumn(name = "position")
    public List<MandateConstraint> constraints = new ArrayList<>();

    /** The mandate of the amended version this one carries on (same service). */
    @Column(name = "continues_mandate_id")
    public UUID continuesMandateId;
}
