package org.iepservices.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.config.ReportingClock;
import org.iepservices.reporting.projection.Sql;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Status, closing and the forecast depend on the date: when the district's date moves on, the
 * periods that were open at the last evaluation (or start now) are evaluated again. Runs on a
 * schedule and before every read, so no response shows yesterday's verdict; a no-op (one row
 * read) once today is done.
 */
@ApplicationScoped
public class ComplianceRefresher {

    private static final Logger LOG = Logger.getLogger(ComplianceRefresher.class);

    private final Sql sql;
    private final ReportingClock clock;
    private final ComplianceProjector projector;

    ComplianceRefresher(Sql sql, ReportingClock clock, ComplianceProjector projector) {
        this.sql = sql;
        this.clock = clock;
        this.projector = projector;
    }

    @Scheduled(every = "${compliance.refresh.every:10m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        refreshIfDue();
    }

    /** Re-evaluates what the new date changes, unless that was done today already. */
    public void refreshIfDue() {
        LocalDate today = clock.today();
        LocalDate last = QuarkusTransaction.requiringNew().call(() -> sql.one(
                "select refreshed_on from compliance_refresh where id = 1", rs -> rs.date("refreshed_on"))
                .orElse(null));
        if (today.equals(last)) {
            return;
        }
        record Stale(UUID student, UUID chain, LocalDate evaluatedOn) {
        }
        List<Stale> stale = QuarkusTransaction.requiringNew().call(() -> sql.list("""
                select student_id, chain_id, min(evaluated_on) as evaluated_on from compliance_period
                where evaluated_on < ? and period_end >= evaluated_on and period_start <= ?
                group by student_id, chain_id""",
                rs -> new Stale(rs.uuid("student_id"), rs.uuid("chain_id"), rs.date("evaluated_on")), today, today));
        Map<UUID, Set<UUID>> chains = new LinkedHashMap<>();
        Map<UUID, LocalDate> since = new LinkedHashMap<>();
        for (Stale s : stale) {
            chains.computeIfAbsent(s.student(), k -> new LinkedHashSet<>()).add(s.chain());
            since.merge(s.student(), s.evaluatedOn(), (a, b) -> a.isBefore(b) ? a : b);
        }
        chains.forEach((student, ids) -> QuarkusTransaction.requiringNew().run(() -> {
            projector.lockStudents(List.of(student));
            projector.reevaluate(student, ids, since.get(student));
        }));
        QuarkusTransaction.requiringNew().run(this::markRefreshed);
        if (!chains.isEmpty()) {
            LOG.infof("Re-evaluated open compliance periods of %d students for %s", chains.size(), today);
        }
    }

    /** Records that every period was evaluated as of today (in the current transaction). */
    public void markRefreshed() {
        sql.update("""
                insert into compliance_refresh (id, refreshed_on) values (1, ?)
                on conflict (id) do update set refreshed_on = excluded.refreshed_on""", clock.today());
    }
}
