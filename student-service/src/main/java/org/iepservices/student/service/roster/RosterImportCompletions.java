package org.iepservices.student.service.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.RosterImportCompleted;
import org.iepservices.student.domain.roster.ImportReport;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Announces an applied import on roster.events ({@link RosterImportCompleted}, subject = the import id), in the
 * transaction that stores its report, so district integrations can be told (webhooks in reporting-service) instead
 * of polling. An import belongs to one district, decided before it applied ({@link ImportReport#district}): one
 * event for it. An import of a single-district deployment that named none (the nil district) is announced for the
 * deployment's district if there is exactly one, else once without a district. Dry runs and held imports announce
 * nothing.
 */
@ApplicationScoped
public class RosterImportCompletions {

    private final Outbox outbox;
    private final EntityManager em;

    RosterImportCompletions(Outbox outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(ImportReport report) {
        if (report.outcome != ImportReport.Outcome.APPLIED) {
            return;
        }
        long rows = 0, inserted = 0, updated = 0, unchanged = 0, deactivated = 0, rejected = 0;
        for (ImportReport.FileCounts c : report.files.values()) {
            rows += c.rows;
            inserted += c.inserted;
            updated += c.updated;
            unchanged += c.unchanged;
            deactivated += c.deactivated;
            rejected += c.rejected;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> districts = report.district != null ? List.of(report.district) : districts(report.coveredOrgs);
        for (UUID district : districts) {
            outbox.publish(RosterImportCompleted.TYPE, report.id, new RosterImportCompleted(report.id, district,
                    report.source, report.outcome.name(), report.version, report.receivedAt, now, rows, inserted,
                    updated, unchanged, deactivated, rejected, report.errorCount, report.warningCount));
        }
    }

    private List<UUID> districts(List<String> coveredOrgs) {
        Set<UUID> found = new LinkedHashSet<>();
        if (!coveredOrgs.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery("""
                            select id from district
                             where sourced_id in (:orgs) and roster_district = '00000000-0000-0000-0000-000000000000'
                            union
                            select district_id from school
                             where sourced_id in (:orgs) and roster_district = '00000000-0000-0000-0000-000000000000'
                               and district_id is not null""")
                    .setParameter("orgs", coveredOrgs).getResultList();
            ids.forEach(id -> found.add(id instanceof UUID u ? u : UUID.fromString(id.toString())));
        }
        if (found.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object> only = em.createNativeQuery("select id from district limit 2").getResultList();
            List<UUID> out = new ArrayList<>();
            out.add(only.size() == 1 ? (only.get(0) instanceof UUID u ? u : UUID.fromString(only.get(0).toString())) : null);
            return out;
        }
        return List.copyOf(found);
    }
}
