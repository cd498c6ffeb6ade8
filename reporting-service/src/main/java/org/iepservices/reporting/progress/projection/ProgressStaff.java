package org.iepservices.reporting.progress.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A provider or teacher as the roster last stated them (StaffUpserted). */
@Entity
@Table(name = "progress_staff")
public class ProgressStaff extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public UUID staffId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    public String discipline;

    public String credentials;

    public String status;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    public String displayName() {
        return PersonName.of(givenName, familyName);
    }
}
