package org.iepservices.session.domain;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** A district's own makeup policy; districts without one use {@link MakeupPolicy#districtDefault()}. */
@Entity
@Table(name = "makeup_policy")
public class DistrictMakeupPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "district_id")
    public UUID districtId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "makeup_policy_verdict", joinColumns = @JoinColumn(name = "district_id"))
    @MapKeyColumn(name = "reason")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "verdict")
    @Enumerated(EnumType.STRING)
    public Map<MissReason, OwedVerdict> verdicts = new EnumMap<>(MissReason.class);

    /** School days an occurrence may stay undocumented before the sweep records it missed; null = the default. */
    @Column(name = "undocumented_after_school_days")
    public Integer undocumentedAfterSchoolDays;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public MakeupPolicy policy() {
        return new MakeupPolicy(verdicts);
    }
}
