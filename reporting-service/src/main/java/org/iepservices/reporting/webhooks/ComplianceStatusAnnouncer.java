package org.iepservices.reporting.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.backbone.outbox.Outbox;
import org.iepservices.events.ComplianceStatusChanged;
import org.iepservices.reporting.domain.compliance.ComplianceStatus;
import org.iepservices.reporting.projection.ProjectionRebuilder;
import org.iepservices.reporting.projection.Sql;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes {@link ComplianceStatusChanged} (reporting.events, through the outbox, in the projection's transaction)
 * for every period of a student's service whose status the projection is about to change. Called by
 * {@code ComplianceProjector} just before it writes the periods it evaluated, so it compares with what is stored.
 * A period evaluated for the first time is no change. A rebuild (which writes copies of the tables in schema
 * {@code rebuild}) announces nothing: it replays history, and what changed then was announced then.
 */
@ApplicationScoped
public class ComplianceStatusAnnouncer {

    /** A period as just evaluated. Minutes are the sums over both settings. */
    public record Evaluated(LocalDate periodStart, LocalDate periodEnd, UUID mandateId, String serviceType,
                            UUID providerId, String interval, ComplianceStatus status, int mandatedMinutes,
                            int deliveredMinutes) {
    }

    private final Sql sql;
    private final Outbox outbox;

    ComplianceStatusAnnouncer(Sql sql, Outbox outbox) {
        this.sql = sql;
        this.outbox = outbox;
    }

    /** Announces the status changes among {@code periods} of the student's service {@code chainId}; returns how many. */
    public int beforeWrite(UUID studentId, UUID chainId, List<Evaluated> periods, LocalDate today) {
        if (periods.isEmpty() || ProjectionRebuilder.replaying()) {
            return 0;
        }
        Map<LocalDate, String> stored = new HashMap<>();
        sql.list("""
                        select period_start, status from compliance_period
                        where student_id = ? and chain_id = ? and period_start = any(?)""",
                rs -> {
                    stored.put(rs.date("period_start"), rs.string("status"));
                    return 1;
                },
                studentId, chainId, periods.stream().map(Evaluated::periodStart).toList());
        int announced = 0;
        UUID[] place = null;
        for (Evaluated p : periods) {
            String before = stored.get(p.periodStart());
            if (before == null || before.equals(p.status().name())) {
                continue;
            }
            if (place == null) {
                if (rebuilding()) {
                    return 0;
                }
                place = place(studentId);
            }
            outbox.publish(ComplianceStatusChanged.TYPE, studentId, new ComplianceStatusChanged(studentId, place[1],
                    place[0], chainId, p.mandateId(), p.serviceType(), p.providerId(), p.interval(), p.periodStart(),
                    p.periodEnd(), before, p.status().name(), p.mandatedMinutes(), p.deliveredMinutes(), today));
            announced++;
        }
        return announced;
    }

    /** {school, district} of the student as reporting knows them (nulls when it does not yet). */
    private UUID[] place(UUID studentId) {
        return sql.one("""
                        select st.school_id, sc.district_id from student st
                        left join school sc on sc.school_id = st.school_id where st.student_id = ?""",
                rs -> new UUID[]{rs.uuid("school_id"), rs.uuid("district_id")}, studentId)
                .orElse(new UUID[]{null, null});
    }

    private boolean rebuilding() {
        return !"public".equals(sql.one("select current_schema() as s", rs -> rs.string("s"), new Object[0]).orElse("public"));
    }
}
