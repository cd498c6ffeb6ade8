package org.iepservices.session.domain.medicaid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iepservices.session.domain.copy.StringListConverter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A row of a district's service-code table; rows without a district are the defaults a district
 * bills with until it changes its own table.
 */
@Entity
@Table(name = "medicaid_code")
public class MedicaidServiceCode extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "district_id")
    public UUID districtId;

    public String discipline;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_format")
    public BillingFormat billingFormat;

    public String code;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_rule")
    public UnitRule unitRule;

    @Enumerated(EnumType.STRING)
    public DisciplineModifier modifier;

    @Column(name = "paired_code")
    public String pairedCode;

    @Column(name = "billable_by")
    @Convert(converter = StringListConverter.class)
    public List<String> billableBy = new ArrayList<>();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public ServiceCode toCode() {
        return new ServiceCode(id, discipline, billingFormat, code, description, unitRule, modifier, pairedCode,
                billableBy);
    }

    /** The district's own rows (none: it bills with the defaults). */
    public static List<MedicaidServiceCode> ownRows(UUID districtId) {
        return districtId == null ? list("districtId is null order by discipline, billingFormat")
                : list("districtId = ?1 order by discipline, billingFormat", districtId);
    }

    public static List<MedicaidServiceCode> defaultRows() {
        return list("districtId is null order by discipline, billingFormat");
    }

    /** The table a district bills with: its own rows, or the defaults while it has none. */
    public static ServiceCodeTable table(UUID districtId) {
        List<MedicaidServiceCode> own = districtId == null ? List.of() : ownRows(districtId);
        return new ServiceCodeTable((own.isEmpty() ? defaultRows() : own).stream()
                .map(MedicaidServiceCode::toCode).toList());
    }

    /** The tables of several districts at once (a null district gets the defaults). */
    public static Map<UUID, ServiceCodeTable> tables(Collection<UUID> districtIds) {
        List<UUID> ids = districtIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<MedicaidServiceCode> rows = ids.isEmpty() ? defaultRows()
                : list("districtId is null or districtId in ?1", ids);
        List<ServiceCode> defaults = rows.stream().filter(r -> r.districtId == null)
                .map(MedicaidServiceCode::toCode).toList();
        Map<UUID, List<ServiceCode>> own = new HashMap<>();
        rows.stream().filter(r -> r.districtId != null)
                .forEach(r -> own.computeIfAbsent(r.districtId, d -> new ArrayList<>()).add(r.toCode()));
        Map<UUID, ServiceCodeTable> tables = new HashMap<>();
        tables.put(null, new ServiceCodeTable(defaults));
        for (UUID id : ids) {
            tables.put(id, new ServiceCodeTable(own.getOrDefault(id, defaults)));
        }
        return tables;
    }
}
