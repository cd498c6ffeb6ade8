package org.iepservices.schedule.domain.availability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/** Workload limits of a provider: at most this many sessions a day (null: no limit stated). */
@Entity
@Table(name = "provider_limits")
public class ProviderLimits extends PanacheEntityBase {

    @Id
    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "max_sessions_per_day")
    public Integer maxSessionsPerDay;

    @Version
    public long version;
}
