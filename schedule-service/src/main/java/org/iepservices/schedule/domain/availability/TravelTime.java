package org.iepservices.schedule.domain.availability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * Minutes between two schools, either way; {@code providerId} null is the district default.
 * {@code schoolA} sorts before {@code schoolB} (as text) so a pair is stored once.
 */
@Entity
@Table(name = "travel_time")
public class TravelTime extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "school_a")
    public UUID schoolA;

    @Column(name = "school_b")
    public UUID schoolB;

    public int minutes;
}
