package org.iepservices.schedule.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The periods of a school day; a school has a default one and others assigned to dates. */
@Entity
@Table(name = "bell_schedule")
public class BellSchedule extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    public String name;

    @Column(name = "is_default")
    public boolean isDefault;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "bell_period", joinColumns = @JoinColumn(name = "bell_schedule_id"))
    @OrderColumn(name = "position")
    public List<BellPeriod> periods = new ArrayList<>();
}
