package org.iepservices.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.domain.medicaid.BillingFormat;
import org.iepservices.session.domain.medicaid.MedicaidServiceCode;
import org.iepservices.session.domain.medicaid.ServiceCode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Each district's service-code table. A district without rows of its own bills with the defaults
 * (rows without a district); its first change copies the defaults into its own table, so one
 * district's edits never reach another. A null district is a single-district deployment: it edits
 * the defaults themselves.
 */
@ApplicationScoped
public class ServiceCodeService {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{5}");
    private static final Pattern DISCIPLINE = Pattern.compile("[A-Z][A-Z_]{1,39}");

    /** The table the district bills with. */
    public List<ServiceCode> table(UUID districtId) {
        return MedicaidServiceCode.table(districtId).codes();
    }

    /** Whether the district has changed its table (false: it bills with the defaults). */
    public boolean ownTable(UUID districtId) {
        return districtId == null || !MedicaidServiceCode.ownRows(districtId).isEmpty();
    }

    public ServiceCode get(UUID districtId, UUID id) {
        return table(districtId).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Service code", id));
    }

    @Transactional
    public ServiceCode create(UUID districtId, ServiceCode candidate) {
        List<MedicaidServiceCode> rows = ownRowsForWrite(districtId);
        check("", candidate, rows);
        MedicaidServiceCode row = new MedicaidServiceCode();
        row.id = UUID.randomUUID();
        row.districtId = districtId;
        apply(row, candidate);
        row.persist();
        rows.add(row);
        pair(row, rows);
        return row.toCode();
    }

    @Transactional
    public ServiceCode update(UUID districtId, UUID id, ServiceCode candidate) {
        List<MedicaidServiceCode> rows = ownRowsForWrite(districtId);
        MedicaidServiceCode row = find(districtId, id, rows);
        check("", candidate, rows.stream().filter(r -> r != row).toList());
        String oldCode = row.code;
        String oldDiscipline = row.discipline;
        apply(row, candidate);
        for (MedicaidServiceCode other : rows) {
            if (other != row && other.discipline.equals(oldDiscipline) && oldCode.equals(other.pairedCode)) {
                other.pairedCode = other.discipline.equals(row.discipline) ? row.code : null;
            }
        }
        pair(row, rows);
        return row.toCode();
    }

    @Transactional
    public void delete(UUID districtId, UUID id) {
        List<MedicaidServiceCode> rows = ownRowsForWrite(districtId);
        MedicaidServiceCode row = find(districtId, id, rows);
        for (MedicaidServiceCode other : rows) {
            if (other != row && other.discipline.equals(row.discipline) && row.code.equals(other.pairedCode)) {
                other.pairedCode = null; // its regrouped lines fall back to the therapy's individual code
            }
        }
        row.delete();
    }

    /** Replaces the district's whole table (the original PUT of the table). */
    @Transactional
    public List<ServiceCode> replace(UUID districtId, List<ServiceCode> codes) {
        List<Violation> violations = new ArrayList<>();
        List<MedicaidServiceCode> accepted = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            ServiceCode c = codes.get(i);
            List<Violation> found = violations("codes[" + i + "].", c, accepted);
            violations.addAll(found);
            MedicaidServiceCode row = new MedicaidServiceCode();
            row.id = UUID.randomUUID();
            row.districtId = districtId;
            apply(row, c);
            accepted.add(row);
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The service-code table is inconsistent", violations);
        }
        MedicaidServiceCode.ownRows(districtId).forEach(MedicaidServiceCode::delete);
        MedicaidServiceCode.flush();
        for (MedicaidServiceCode row : accepted) {
            if (row.pairedCode == null) { // the therapy's other format, when the request names no pair
                row.pairedCode = accepted.stream().filter(o -> o.discipline.equals(row.discipline)
                        && o.billingFormat != row.billingFormat).map(o -> o.code).findFirst().orElse(null);
            }
            row.persist();
        }
        return table(districtId);
    }

    /** The district's own rows, copying the defaults first if it has none (its first change). */
    private static List<MedicaidServiceCode> ownRowsForWrite(UUID districtId) {
        List<MedicaidServiceCode> own = new ArrayList<>(MedicaidServiceCode.ownRows(districtId));
        if (districtId != null && own.isEmpty()) {
            for (MedicaidServiceCode d : MedicaidServiceCode.defaultRows()) {
                MedicaidServiceCode copy = new MedicaidServiceCode();
                copy.id = UUID.randomUUID();
                copy.districtId = districtId;
                apply(copy, d.toCode());
                copy.persist();
                own.add(copy);
            }
            MedicaidServiceCode.flush();
        }
        return own;
    }

    /**
     * The row by id; a default row's id (what GET showed before the district's first change) finds
     * the district's copy of it.
     */
    private static MedicaidServiceCode find(UUID districtId, UUID id, List<MedicaidServiceCode> rows) {
        for (MedicaidServiceCode r : rows) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        if (districtId != null) {
            MedicaidServiceCode byDefault = MedicaidServiceCode.findById(id);
            if (byDefault != null && byDefault.districtId == null) {
                for (MedicaidServiceCode r : rows) {
                    if (r.discipline.equals(byDefault.discipline) && r.code.equals(byDefault.code)) {
                        return r;
                    }
                }
            }
        }
        throw ProblemException.notFound("Service code", id);
    }

    /** Keeps pairs mutual: the paired code of the other format names this one back. */
    private static void pair(MedicaidServiceCode row, List<MedicaidServiceCode> rows) {
        if (row.pairedCode == null) {
            return;
        }
        for (MedicaidServiceCode other : rows) {
            if (other != row && other.discipline.equals(row.discipline) && other.code.equals(row.pairedCode)) {
                other.pairedCode = row.code;
            }
        }
    }

    private static void apply(MedicaidServiceCode row, ServiceCode c) {
        row.discipline = c.discipline();
        row.billingFormat = c.billingFormat();
        row.code = c.code();
        row.description = c.description();
        row.unitRule = c.unitRule();
        row.modifier = c.modifier();
        row.pairedCode = c.pairedCode();
        row.billableBy = new ArrayList<>(c.billableBy());
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static void check(String prefix, ServiceCode candidate, List<MedicaidServiceCode> others) {
        List<Violation> violations = violations(prefix, candidate, others);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The service code does not fit the district's "
                    + "table", violations);
        }
    }

    /** What is wrong with {@code c} among the {@code others} of its table. */
    static List<Violation> violations(String prefix, ServiceCode c, List<MedicaidServiceCode> others) {
        List<Violation> violations = new ArrayList<>();
        if (!DISCIPLINE.matcher(c.discipline()).matches()) {
            violations.add(new Violation(prefix + "discipline", "a discipline such as SLP, OT, PT or COUNSELOR"));
        }
        if (!CODE.matcher(c.code()).matches()) {
            violations.add(new Violation(prefix + "code", "a five-character CPT/HCPCS code such as 92507"));
        }
        if (c.pairedCode() != null) {
            if (!CODE.matcher(c.pairedCode()).matches()) {
                violations.add(new Violation(prefix + "pairedCode", "a five-character CPT/HCPCS code such as 92508"));
            } else if (c.pairedCode().equals(c.code())) {
                violations.add(new Violation(prefix + "pairedCode", "a code is not its own pair"));
            } else {
                others.stream().filter(o -> o.discipline.equals(c.discipline()) && o.code.equals(c.pairedCode())
                        && o.billingFormat == c.billingFormat()).findFirst().ifPresent(o -> violations.add(
                        new Violation(prefix + "pairedCode", c.pairedCode() + " is also a " + c.billingFormat()
                                + " code; the pair of a " + c.billingFormat() + " code is a "
                                + other(c.billingFormat()) + " code")));
            }
        }
        if (c.billableBy().isEmpty()) {
            violations.add(new Violation(prefix + "billableBy", "at least one discipline, e.g. SLP or SLPA"));
        }
        for (int i = 0; i < c.billableBy().size(); i++) {
            if (!DISCIPLINE.matcher(c.billableBy().get(i)).matches()) {
                violations.add(new Violation(prefix + "billableBy[" + i + "]", "a discipline such as SLP or SLPA"));
            }
        }
        for (MedicaidServiceCode o : others) {
            if (o.discipline.equals(c.discipline()) && o.billingFormat == c.billingFormat()) {
                violations.add(new Violation(prefix + "billingFormat", c.discipline() + " " + c.billingFormat()
                        + " is listed twice (already " + o.code + ")"));
            }
            if (o.discipline.equals(c.discipline()) && Objects.equals(o.code, c.code())
                    && o.billingFormat != c.billingFormat()) {
                violations.add(new Violation(prefix + "code", c.code() + " is already in the table for "
                        + c.discipline()));
            }
        }
        return violations;
    }

    private static BillingFormat other(BillingFormat format) {
        return format == BillingFormat.GROUP ? BillingFormat.INDIVIDUAL : BillingFormat.GROUP;
    }
}
