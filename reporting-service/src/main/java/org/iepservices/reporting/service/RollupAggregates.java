package org.iepservices.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.iepservices.reporting.projection.Sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps table compliance_rollup (V34) in step with compliance_period: per school x provider x
 * period x status, the periods, the minute sums the rollups return and a bitmap of the students
 * counted there. The projector calls {@link #before} with the students it is about to recompute
 * (under their locks) and {@link Change#apply()} once it wrote their periods, in the same
 * transaction: the aggregates change exactly by the difference between the students' periods
 * before and after, so a redelivered event (skipped by the ledger, nothing recomputed) or a
 * recompute that changes nothing changes no aggregate, and replaying the topics into empty
 * tables (rebuild) arrives at the same aggregates as the live path.
 *
 * <p>Rows are written only at the end of the transaction, in one global order (ordinal counters by
 * school, then aggregate rows by key), so the four compliance consumers and the refresher, which
 * share these rows, wait for each other only for the moment before commit and never deadlock.
 */
@ApplicationScoped
public class RollupAggregates {

    /** provider_id of periods without a provider; school_id of students the roster has not named yet. */
    public static final UUID NONE = new UUID(0L, 0L);
    /** provider_id of the rows that count every provider (read by school and district rollups). */
    public static final UUID ALL_PROVIDERS = new UUID(-1L, -1L);

    /** The sums kept per key, in the order of {@link #SUMS}; index 0 is the number of periods. */
    static final String[] SUMS = {"periods", "mandated", "scheduled", "delivered", "made_up", "missed_owed",
            "missed_not_owed", "missed_in_review", "owed_balance", "shortfall", "forecast_short", "over_delivered"};

    /** One aggregate row's key. */
    record Key(UUID provider, UUID school, LocalDate start, LocalDate end, String status) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::provider).thenComparing(Key::school)
                .thenComparing(Key::start).thenComparing(Key::end).thenComparing(Key::status);
    }

    /** What one compliance_period row contributes (provider as stored, may be null). */
    record Period(UUID provider, LocalDate start, LocalDate end, String status, long[] sums) {
    }

    /** A student's periods and the school they count under. */
    record Counted(UUID school, List<Period> periods) {
        /** Per key, the sums this student adds there (each period under its provider and under ALL). */
        Map<Key, long[]> contributions() {
            Map<Key, long[]> result = new HashMap<>();
            for (Period p : periods) {
                for (UUID provider : List.of(p.provider() == null ? NONE : p.provider(), ALL_PROVIDERS)) {
                    long[] sums = result.computeIfAbsent(new Key(provider, school, p.start(), p.end(), p.status()),
                            k -> new long[SUMS.length]);
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] += p.sums()[i];
                    }
                }
            }
            return result;
        }
    }

    /** The change to the aggregates: per key, sums to add and students whose bit turns on or off. */
    static final class Delta {
        final Map<Key, long[]> sums = new TreeMap<>(Key.ORDER);
        final Map<Key, Map<UUID, Boolean>> bits = new TreeMap<>(Key.ORDER);

        /** Adds the difference of one student's contributions. */
        void student(UUID student, Counted before, Counted after) {
            Map<Key, long[]> old = before.contributions();
            Map<Key, long[]> now = after.contributions();
            Set<Key> keys = new HashSet<>(old.keySet());
            keys.addAll(now.keySet());
            for (Key key : keys) {
                long[] a = old.get(key);
                long[] b = now.get(key);
                long[] d = sums.computeIfAbsent(key, k -> new long[SUMS.length]);
                for (int i = 0; i < d.length; i++) {
                    d[i] += (b == null ? 0 : b[i]) - (a == null ? 0 : a[i]);
                }
                if ((a == null) != (b == null)) {
                    bits.computeIfAbsent(key, k -> new HashMap<>()).put(student, b != null);
                }
            }
        }

        boolean changes(Key key) {
            return Arrays2.nonZero(sums.get(key)) || bits.containsKey(key);
        }
    }

    private static final class Arrays2 {
        static boolean nonZero(long[] values) {
            if (values != null) {
                for (long v : values) {
                    if (v != 0) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private final Sql sql;

    RollupAggregates(Sql sql) {
        this.sql = sql;
    }

    /** The students' periods as they stand, before the projector changes them (call under their locks). */
    public Change before(Collection<UUID> students) {
        List<UUID> ids = students.stream().filter(Objects::nonNull).distinct().toList();
        Map<UUID, UUID> schools = new HashMap<>();
        if (!ids.isEmpty()) {
            sql.list("select student_id, school_id from rollup_student where student_id = any(?)",
                    rs -> schools.put(rs.uuid("student_id"), rs.uuid("school_id")), ids);
        }
        Map<UUID, List<Period>> periods = periodsOf(ids);
        Map<UUID, Counted> before = new HashMap<>();
        for (UUID id : ids) {
            before.put(id, new Counted(schools.getOrDefault(id, NONE), periods.getOrDefault(id, List.of())));
        }
        return new Change(before);
    }

    private Map<UUID, List<Period>> periodsOf(List<UUID> ids) {
        Map<UUID, List<Period>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        sql.list("""
                select student_id, provider_id, period_start, period_end, status,
                       mandated_pi + mandated_po as mandated, scheduled_pi + scheduled_po as scheduled,
                       delivered_pi + delivered_po as delivered, made_up_pi + made_up_po as made_up, missed_owed,
                       missed_not_owed, missed_in_review, owed_balance, shortfall_pi + shortfall_po as shortfall,
                       forecast_short_pi + forecast_short_po as forecast_short, over_pi + over_po as over_delivered
                from compliance_period where student_id = any(?)""", rs -> {
            long[] sums = new long[SUMS.length];
            sums[0] = 1;
            for (int i = 1; i < SUMS.length; i++) {
                sums[i] = rs.longValue(SUMS[i]);
            }
            result.computeIfAbsent(rs.uuid("student_id"), k -> new ArrayList<>()).add(new Period(
                    rs.uuid("provider_id"), rs.date("period_start"), rs.date("period_end"), rs.string("status"), sums));
            return 1;
        }, ids);
        return result;
    }

    /** A change in progress: the students' periods before it. */
    public final class Change {
        private final Map<UUID, Counted> before;

        private Change(Map<UUID, Counted> before) {
            this.before = before;
        }

        /** Reads the students' periods and school now and writes the difference to the aggregates. */
        public void apply() {
            if (before.isEmpty()) {
                return;
            }
            List<UUID> ids = new ArrayList<>(before.keySet());
            Map<UUID, UUID> schools = new HashMap<>();
            sql.list("select student_id, school_id from student where student_id = any(?)",
                    rs -> schools.put(rs.uuid("student_id"), rs.uuid("school_id")), ids);
            Map<UUID, List<Period>> periods = periodsOf(ids);
            Delta delta = new Delta();
            Map<UUID, Counted> after = new HashMap<>();
            for (UUID id : ids) {
                UUID school = schools.get(id);
                Counted now = new Counted(school == null ? NONE : school, periods.getOrDefault(id, List.of()));
                after.put(id, now);
                delta.student(id, before.get(id), now);
            }
            write(delta, before, after);
        }
    }

    private void write(Delta delta, Map<UUID, Counted> before, Map<UUID, Counted> after) {
        // The ordinals of every student whose bit changes, allocating new ones school by school.
        Map<UUID, Set<UUID>> needed = new TreeMap<>();
        delta.bits.forEach((key, students) -> students.keySet()
                .forEach(s -> needed.computeIfAbsent(key.school(), k -> new HashSet<>()).add(s)));
        Map<UUID, Map<UUID, Integer>> ordinals = ordinals(needed);

        List<Object[]> upserts = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        for (Key key : delta.sums.keySet()) {
            if (!delta.changes(key)) {
                continue;
            }
            long[] d = delta.sums.get(key);
            List<Integer> on = new ArrayList<>();
            List<Integer> off = new ArrayList<>();
            delta.bits.getOrDefault(key, Map.of()).forEach((student, present) ->
                    (present ? on : off).add(ordinals.get(key.school()).get(student)));
            Object[] row = new Object[5 + SUMS.length + 4];
            row[0] = key.provider();
            row[1] = key.school();
            row[2] = key.start();
            row[3] = key.end();
            row[4] = key.status();
            for (int i = 0; i < SUMS.length; i++) {
                row[5 + i] = d[i];
            }
            row[5 + SUMS.length] = on;
            row[6 + SUMS.length] = off;
            row[7 + SUMS.length] = on;
            row[8 + SUMS.length] = off;
            upserts.add(row);
            if (d[0] < 0) {
                emptied.add(new Object[]{key.provider(), key.school(), key.start(), key.end(), key.status()});
            }
        }
        sql.batch(UPSERT, upserts);
        sql.batch("""
                delete from compliance_rollup where provider_id = ? and school_id = ? and period_start = ?
                  and period_end = ? and status = ? and periods = 0""", emptied);

        List<Object[]> counted = new ArrayList<>();
        List<Object[]> uncounted = new ArrayList<>();
        after.forEach((student, now) -> {
            if (now.periods().isEmpty()) {
                if (!before.get(student).periods().isEmpty()) {
                    uncounted.add(new Object[]{student});
                }
            } else if (!now.school().equals(before.get(student).school()) || before.get(student).periods().isEmpty()) {
                counted.add(new Object[]{student, now.school()});
            }
        });
        sql.batch("""
                insert into rollup_student (student_id, school_id) values (?, ?)
                on conflict (student_id) do update set school_id = excluded.school_id""", counted);
        sql.batch("delete from rollup_student where student_id = ?", uncounted);
    }

    private static final String UPSERT;

    static {
        StringBuilder columns = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (String s : SUMS) {
            columns.append(", ").append(s);
            marks.append(", ?");
            updates.append(s).append(" = compliance_rollup.").append(s).append(" + excluded.").append(s).append(", ");
        }
        UPSERT = "insert into compliance_rollup (provider_id, school_id, period_start, period_end, status" + columns
                + ", students) values (?, ?, ?, ?, ?" + marks
                + ", rollup_bits(B'', cast(? as integer[]), cast(? as integer[])))"
                + " on conflict (provider_id, school_id, period_start, period_end, status) do update set " + updates
                + "students = rollup_bits(compliance_rollup.students, cast(? as integer[]), cast(? as integer[]))";
    }

    /** Existing ordinals of these students per school, new ones allocated (schools in id order). */
    private Map<UUID, Map<UUID, Integer>> ordinals(Map<UUID, Set<UUID>> needed) {
        Map<UUID, Map<UUID, Integer>> result = new HashMap<>();
        for (Map.Entry<UUID, Set<UUID>> e : needed.entrySet()) {
            UUID school = e.getKey();
            Map<UUID, Integer> known = new HashMap<>();
            sql.list("select student_id, ordinal from rollup_student_ordinal where school_id = ? and student_id = any(?)",
                    rs -> known.put(rs.uuid("student_id"), rs.integer("ordinal")), school, List.copyOf(e.getValue()));
            List<UUID> missing = e.getValue().stream().filter(s -> !known.containsKey(s)).sorted().toList();
            if (!missing.isEmpty()) {
                sql.update("insert into rollup_school (school_id, next_ordinal) values (?, 0) on conflict do nothing",
                        school);
                int next = sql.one("update rollup_school set next_ordinal = next_ordinal + ? where school_id = ?"
                        + " returning next_ordinal", rs -> rs.integer("next_ordinal"), missing.size(), school)
                        .orElseThrow() - missing.size();
                List<Object[]> rows = new ArrayList<>();
                for (UUID student : missing) {
                    known.put(student, next);
                    rows.add(new Object[]{school, student, next++});
                }
                sql.batch("insert into rollup_student_ordinal (school_id, student_id, ordinal) values (?, ?, ?)", rows);
            }
            result.put(school, known);
        }
        return result;
    }
}
