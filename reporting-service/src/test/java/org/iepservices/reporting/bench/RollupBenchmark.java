package org.iepservices.reporting.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iepservices.access.Role;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.ServiceProcess;
import org.iepservices.localinfra.TokenIssuer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The district rollup at district scale (issue 17), against an indexed SQL aggregate over the same
 * projection that returns the same numbers (asserted), measured in the same run:
 * <ol>
 * <li>a realistic district of N students: schools of about 500, 12 % of students with an IEP of
 * 1-3 weekly mandates (speech 1 push-in + 1 pull-out x 30, OT 1 pull-out x 30, counseling
 * 1 push-in x 30), a school year of sessions to "today" (2027-06-09) with about one session in
 * seven missed (half owed, half not), owed misses made up in later weeks (at most one a week,
 * each week with probability 1/2), and the rest of the year scheduled;</li>
 * <li>loaded straight into the projection's tables (roster rows and one compliance_period row per
 * student x mandate x week, each evaluated from its sessions as the projector's rules do for a
 * weekly mandate), then the rollup aggregates derived by {@code compliance_rollup_recompute()}
 * (the V34 migration's function; live they are kept incrementally by the projector, see the
 * README). Loading a million session events through Kafka would take most of an hour here;
 * the read path is what this measures;</li>
 * <li>rounds (at least 3) alternating which of the two goes first: the district rollup over the
 * school year through HTTP and the SQL baseline, each timed over a number of sequential
 * requests; the median of the rounds' p50/p95 with min and max;</li>
 * <li>a load test at 16 connections of the district rollup and of {@code /q/health} in the same run:
 * requests/s, p50, p99.</li>
 * </ol>
 * Run by {@code bench/reporting.sh rollup <students>}.
 */
public final class RollupBenchmark {

    static final LocalDate YEAR_START = LocalDate.of(2026, 9, 1);
    static final LocalDate YEAR_END = LocalDate.of(2027, 6, 18);
    static final LocalDate TODAY = LocalDate.of(2027, 6, 9);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final int students;
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int requests = Integer.getInteger("bench.requests", 30);
    private final int loadSeconds = Integer.getInteger("bench.loadSeconds", 10);
    private final int connections = Integer.getInteger("bench.connections", 16);
    private final Random random = new Random(17);
    private final UUID district = UUID.randomUUID();
    private final List<UUID> schools = new ArrayList<>();
    private long sessions;
    private long periods;

    RollupBenchmark(int students) {
        this.students = students;
    }

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        new RollupBenchmark(students).run(Path.of(System.getProperty("iep.repo.root", ".")).toAbsolutePath());
    }

    private void run(Path repo) throws Exception {
        System.out.printf("rollup benchmark: %,d students, today %s%n", students, TODAY);
        try (LocalInfrastructure infra = LocalInfrastructure.start(0, List.of("reporting"))) {
            Map<String, String> config = new LinkedHashMap<>(infra.serviceConfig("reporting"));
            config.putAll(TokenIssuer.shared().serviceConfig());
            config.put("compliance.today", TODAY.toString());
            config.put("quarkus.log.level", "WARN");
            config.put("compliance.refresh.every", "24h");
            try (ServiceProcess reporting = ServiceProcess.start(repo, "reporting-service", 18084, config,
                    repo.resolve("reporting-service/target/bench-logs"), "1g");
                 Connection db = DriverManager.getConnection(infra.jdbcUrl("reporting"), infra.username(),
                         infra.password())) {
                reporting.awaitReady(Duration.ofMinutes(3));
                long t0 = System.nanoTime();
                generate(db);
                long t1 = System.nanoTime();
                try (Statement st = db.createStatement()) {
                    st.execute("select compliance_rollup_recompute()");
                    // The indexes a DBA would add for the hand-written aggregate (student_school and
                    // compliance_period_range exist already), then fresh statistics for both.
                    st.execute("create index if not exists bench_period_student on compliance_period"
                            + " (period_start, period_end, student_id)");
                    st.execute("analyze");
                }
                long t2 = System.nanoTime();
                System.out.printf("generated: %d schools, %,d IEP students' periods: %,d compliance periods from %,d"
                                + " sessions (%.1f s), aggregates derived in %.1f s: %,d rollup rows%n",
                        schools.size(), count(db, "select count(distinct student_id) from compliance_period"), periods,
                        sessions, (t1 - t0) / 1e9, (t2 - t1) / 1e9, count(db, "select count(*) from compliance_rollup"));

                String rollupUrl = reporting.baseUrl() + "/api/v1/compliance/districts/" + district + "?from="
                        + YEAR_START + "&to=" + YEAR_END;
                String token = TokenIssuer.shared().token("bench", Role.DISTRICT_ADMIN_NAME).sign();
                HttpRequest rollup = HttpRequest.newBuilder(URI.create(rollupUrl))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
                HttpRequest health = HttpRequest.newBuilder(URI.create(reporting.baseUrl() + "/q/health")).build();

                JsonNode answer = MAPPER.readTree(send(rollup));
                Map<String, long[]> baseline = baseline(db);
                assertSame(answer, baseline);
                System.out.println("checked: the rollup's numbers equal the SQL aggregate's (totals, per status,"
                        + " per school)");
                System.out.printf("  periods %,d, students %s, minutes %s%n", answer.get("periods").asLong(),
                        answer.get("students"), answer.get("minutes"));

                for (int i = 0; i < 5; i++) { // warm up both
                    send(rollup);
                    baseline(db);
                }
                List<double[]> rollupRounds = new ArrayList<>();
                List<double[]> sqlRounds = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    if (r % 2 == 0) {
                        rollupRounds.add(timeHttp(rollup));
                        sqlRounds.add(timeSql(db));
                    } else {
                        sqlRounds.add(timeSql(db));
                        rollupRounds.add(timeHttp(rollup));
                    }
                    System.out.printf("  round %d: rollup p50 %.1f ms p95 %.1f ms | SQL p50 %.1f ms p95 %.1f ms%n", r + 1,
                            rollupRounds.get(r)[0], rollupRounds.get(r)[1], sqlRounds.get(r)[0], sqlRounds.get(r)[1]);
                }
                System.out.printf("%ndistrict rollup, school year %s to %s, %,d students (%d rounds x %d requests)%n",
                        YEAR_START, YEAR_END, students, rounds, requests);
                report("GET /api/v1/compliance/districts/{id}", rollupRounds);
                report("SQL aggregate over compliance_period", sqlRounds);
                double ratio = median(rollupRounds, 0) / median(sqlRounds, 0);
                System.out.printf("  ratio rollup / SQL (p50)                    %.3fx%n", ratio);

                profile(db, health);

                System.out.printf("%nload test, %d connections, %d s each, same run%n", connections, loadSeconds);
                for (int r = 0; r < 2; r++) {
                    load("/q/health", health);
                    load("district rollup", rollup);
                }
            }
        }
    }

    // --- the district -------------------------------------------------------------------------

    private record Mandate(UUID id, UUID provider, int pushIn, int pullOut, String type) {
    }

    /** Roster rows and one compliance_period row per IEP student x mandate x week, through COPY. */
    private void generate(Connection db) throws Exception {
        int schoolCount = Math.max(1, students / 500);
        StringBuilder schoolRows = new StringBuilder();
        for (int i = 0; i < schoolCount; i++) {
            UUID school = UUID.randomUUID();
            schools.add(school);
            schoolRows.append(school).append('\t').append(district).append("\tSchool ").append(i)
                    .append("\tAmerica/New_York\tactive\t2026-08-20 12:00:00+00\n");
        }
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("copy school (school_id, district_id, name, time_zone, status, event_time) from stdin",
                new StringReader(schoolRows.toString()));
        // Providers: an SLP, an OT and a counselor per two schools (each serving about 60 students).
        List<UUID[]> providers = new ArrayList<>();
        StringBuilder staffRows = new StringBuilder();
        for (int i = 0; i < Math.max(1, (schoolCount + 1) / 2); i++) {
            UUID[] trio = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
            providers.add(trio);
            for (int k = 0; k < 3; k++) {
                staffRows.append(trio[k]).append("\tProvider\t").append(k).append('-').append(i)
                        .append("\t2026-08-20 12:00:00+00\n");
            }
        }
        copy.copyIn("copy staff (staff_id, given_name, family_name, event_time) from stdin", new StringReader(staffRows.toString()));

        StringBuilder studentRows = new StringBuilder();
        StringBuilder periodRows = new StringBuilder();
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate w = YEAR_START.with(DayOfWeek.MONDAY); !w.isAfter(YEAR_END); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        for (int i = 0; i < students; i++) {
            UUID student = UUID.randomUUID();
            int s = i % schoolCount;
            studentRows.append(student).append("\tStudent\tNo").append(i).append("\t3\t").append(schools.get(s))
                    .append("\tactive\t2026-08-20 12:00:00+00\n");
            if (random.nextInt(100) >= 12) {
                continue;
            }
            UUID[] trio = providers.get(s / 2);
            List<Mandate> mandates = new ArrayList<>();
            mandates.add(new Mandate(UUID.randomUUID(), trio[0], 1, 1, "SPEECH_LANGUAGE"));
            int more = random.nextInt(3); // 1-3 mandates
            if (more >= 1) {
                mandates.add(new Mandate(UUID.randomUUID(), trio[1], 0, 1, "OCCUPATIONAL_THERAPY"));
            }
            if (more >= 2) {
                mandates.add(new Mandate(UUID.randomUUID(), trio[2], 1, 0, "COUNSELING"));
            }
            for (Mandate m : mandates) {
                periods(periodRows, student, m, weeks);
            }
            if (periodRows.length() > 8_000_000) {
                copyPeriods(copy, periodRows);
            }
        }
        copy.copyIn("copy student (student_id, given_name, family_name, grade, school_id, status, upserted_at)"
                + " from stdin", new StringReader(studentRows.toString()));
        copyPeriods(copy, periodRows);
        try (PreparedStatement ps = db.prepareStatement("insert into compliance_refresh (id, refreshed_on) values (1, ?)"
                + " on conflict (id) do update set refreshed_on = excluded.refreshed_on")) {
            ps.setObject(1, TODAY); // every period was evaluated as of today: the refresher has nothing to do
            ps.executeUpdate();
        }
    }

    private static void copyPeriods(CopyManager copy, StringBuilder rows) throws Exception {
        copy.copyIn("copy compliance_period (student_id, chain_id, period_start, period_end, mandate_id, mandate_ids,"
                + " service_type, interval_unit, provider_id, minutes_per_session, mandated_pi, mandated_po,"
                + " scheduled_pi, scheduled_po, delivered_pi, delivered_po, made_up_pi, made_up_po, missed_owed,"
                + " missed_not_owed, missed_in_review, excused_pi, excused_po, owed_balance, shortfall_pi,"
                + " shortfall_po, over_pi, over_po, remaining_pi, remaining_po, forecast_pi, forecast_po,"
                + " forecast_short_pi, forecast_short_po, last_chance_date, status, closed, revised_at, evaluated_on)"
                + " from stdin (null 'N')", new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /**
     * One mandate's weeks: each session held (30 min) or missed (1 in 7; owed or not), owed misses
     * made up in a later week with probability 1/2 (credited to the missed week), then evaluated
     * as the projector does a weekly mandate: required = mandated - excused (not-owed misses),
     * shortfall per setting, over-delivery, forecast of the open week, status.
     */
    private void periods(StringBuilder out, UUID student, Mandate m, List<LocalDate> weeks) {
        int n = weeks.size();
        int[][] delivered = new int[n][2];
        int[][] madeUp = new int[n][2];
        int[][] excused = new int[n][2];
        int[][] remaining = new int[n][2];
        int[] owed = new int[n];
        int[] notOwed = new int[n];
        int[] balance = new int[n];
        List<int[]> openMisses = new ArrayList<>(); // week, setting
        for (int w = 0; w < n; w++) {
            LocalDate monday = weeks.get(w);
            for (int setting = 0; setting < 2; setting++) {
                int sessionsThisWeek = setting == 0 ? m.pushIn() : m.pullOut();
                for (int k = 0; k < sessionsThisWeek; k++) {
                    LocalDate day = monday.plusDays(setting == 0 ? 3 : 1); // push-in Thursday, pull-out Tuesday
                    if (day.isBefore(YEAR_START) || day.isAfter(YEAR_END)) {
                        continue;
                    }
                    if (!day.isBefore(TODAY)) {
                        remaining[w][setting] += 30;
                        continue;
                    }
                    sessions++;
                    if (random.nextInt(7) == 0) {
                        if (random.nextBoolean()) {
                            owed[w] += 30;
                            balance[w] += 30;
                            openMisses.add(new int[]{w, setting});
                        } else {
                            notOwed[w] += 30;
                            excused[w][setting] += 30;
                        }
                    } else {
                        delivered[w][setting] += 30;
                    }
                }
            }
            // A makeup this week for an earlier owed miss, one time in two.
            if (!openMisses.isEmpty() && openMisses.get(0)[0] < w && random.nextBoolean()
                    && weeks.get(w).plusDays(2).isBefore(TODAY)) {
                int[] miss = openMisses.remove(0);
                madeUp[miss[0]][miss[1]] += 30;
                balance[miss[0]] -= 30;
                sessions++;
            }
        }
        for (int w = 0; w < n; w++) {
            LocalDate start = weeks.get(w);
            LocalDate end = start.plusDays(6);
            int[] mandated = {m.pushIn() * 30, m.pullOut() * 30};
            int[] shortfall = new int[2];
            int[] over = new int[2];
            int[] forecast = new int[2];
            int[] forecastShort = new int[2];
            boolean closed = end.isBefore(TODAY);
            boolean started = !start.isAfter(TODAY);
            for (int k = 0; k < 2; k++) {
                int got = delivered[w][k] + madeUp[w][k];
                int required = mandated[k] - excused[w][k];
                shortfall[k] = Math.max(0, required - got);
                over[k] = Math.max(0, got - mandated[k]);
                forecast[k] = got + remaining[w][k];
                forecastShort[k] = started && !closed ? Math.max(0, required - forecast[k]) : 0;
            }
            String status = !started ? "NOT_STARTED"
                    : !closed ? (forecastShort[0] + forecastShort[1] > 0 ? "AT_RISK" : "ON_TRACK")
                    : shortfall[0] + shortfall[1] > 0 ? "OUT_OF_COMPLIANCE"
                    : over[0] + over[1] > 0 ? "OVER_DELIVERED" : "ON_TRACK";
            Object[] row = {student, m.id(), start, end, m.id(), m.id(), m.type(), "WEEK", m.provider(), 30,
                    mandated[0], mandated[1], mandated[0], mandated[1], delivered[w][0], delivered[w][1],
                    madeUp[w][0], madeUp[w][1], owed[w], notOwed[w], 0, excused[w][0], excused[w][1], balance[w],
                    shortfall[0], shortfall[1], over[0], over[1], remaining[w][0], remaining[w][1], forecast[0],
                    forecast[1], forecastShort[0], forecastShort[1], "N", status, closed, "N", TODAY};
            for (int i = 0; i < row.length; i++) {
                out.append(i == 0 ? "" : "\t").append(row[i]);
            }
            out.append('\n');
            periods++;
        }
    }

    // --- the baseline -------------------------------------------------------------------------

    static final String[] STATUSES = {"NOT_STARTED", "ON_TRACK", "AT_RISK", "OUT_OF_COMPLIANCE", "OVER_DELIVERED"};
    static final String[] MINUTES = {"mandated", "scheduled", "delivered", "madeUp", "missedOwed", "missedNotOwed",
            "missedInReview", "owedBalance", "shortfall", "forecastShortfall", "overDelivered"};

    /**
     * The district's numbers as a DBA would write them over the projection, one GROUP BY per
     * school: per school [students, at risk, out of compliance, periods per status..., minutes...].
     */
    static final String BASELINE = """
            select s.school_id, count(distinct c.student_id) as students,
                   count(distinct c.student_id) filter (where c.status = 'AT_RISK') as at_risk,
                   count(distinct c.student_id) filter (where c.status = 'OUT_OF_COMPLIANCE') as ooc,
                   count(*) filter (where c.status = 'NOT_STARTED') as not_started,
                   count(*) filter (where c.status = 'ON_TRACK') as on_track,
                   count(*) filter (where c.status = 'AT_RISK') as at_risk_periods,
                   count(*) filter (where c.status = 'OUT_OF_COMPLIANCE') as ooc_periods,
                   count(*) filter (where c.status = 'OVER_DELIVERED') as over_periods,
                   sum(c.mandated_pi + c.mandated_po), sum(c.scheduled_pi + c.scheduled_po),
                   sum(c.delivered_pi + c.delivered_po), sum(c.made_up_pi + c.made_up_po), sum(c.missed_owed),
                   sum(c.missed_not_owed), sum(c.missed_in_review), sum(c.owed_balance),
                   sum(c.shortfall_pi + c.shortfall_po), sum(c.forecast_short_pi + c.forecast_short_po),
                   sum(c.over_pi + c.over_po)
            from compliance_period c
            join student s on s.student_id = c.student_id
            join school sc on sc.school_id = s.school_id
            where sc.district_id = ? and c.period_start <= ? and c.period_end >= ?
            group by s.school_id""";

    private Map<String, long[]> baseline(Connection db) throws Exception {
        Map<String, long[]> result = new TreeMap<>();
        try (PreparedStatement ps = db.prepareStatement(BASELINE)) {
            ps.setObject(1, district);
            ps.setObject(2, YEAR_END);
            ps.setObject(3, YEAR_START);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] v = new long[19];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getLong(i + 2);
                    }
                    result.put(rs.getString(1), v);
                }
            }
        }
        return result;
    }

    /** The rollup's totals, per-status counts and per-school lines against the baseline's. */
    private static void assertSame(JsonNode rollup, Map<String, long[]> baseline) {
        long[] total = new long[19];
        baseline.values().forEach(v -> {
            for (int i = 0; i < v.length; i++) {
                total[i] += v[i];
            }
        });
        long[] fromRollup = new long[19];
        fromRollup[0] = rollup.at("/students/total").asLong();
        fromRollup[1] = rollup.at("/students/atRisk").asLong();
        fromRollup[2] = rollup.at("/students/outOfCompliance").asLong();
        for (int i = 0; i < STATUSES.length; i++) {
            fromRollup[3 + i] = rollup.at("/periodsByStatus/" + STATUSES[i]).asLong();
        }
        for (int i = 0; i < MINUTES.length; i++) {
            fromRollup[8 + i] = rollup.at("/minutes/" + MINUTES[i]).asLong();
        }
        check(Arrays.equals(total, fromRollup), "district totals: SQL " + Arrays.toString(total) + " vs rollup "
                + Arrays.toString(fromRollup));
        check(rollup.get("breakdown").size() == baseline.size(), "schools: " + rollup.get("breakdown").size()
                + " vs " + baseline.size());
        for (JsonNode school : rollup.get("breakdown")) {
            long[] v = baseline.get(school.get("id").asText());
            check(v != null && v[0] == school.get("students").asLong()
                    && v[15] == school.get("owedBalance").asLong() && v[16] == school.get("shortfall").asLong()
                    && v[5] == school.at("/periodsByStatus/AT_RISK").asLong()
                    && v[6] == school.at("/periodsByStatus/OUT_OF_COMPLIANCE").asLong(),
                    "school " + school + " vs " + Arrays.toString(v));
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("the rollup and the SQL baseline differ: " + what);
        }
    }

    // --- where a rollup's time goes -----------------------------------------------------------

    /** The statements a district rollup runs (as ComplianceRollupService writes them), timed over JDBC. */
    private static final String AGG_ROWS = " from compliance_rollup r join school sc on sc.school_id = r.school_id"
            + " where r.provider_id = 'ffffffff-ffff-ffff-ffff-ffffffffffff' and sc.district_id = ?"
            + " and r.period_start <= ? and r.period_end >= ? and true";
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("aggregates: sums by status", "select r.status, sum(r.periods), sum(r.mandated), sum(r.scheduled),"
                + " sum(r.delivered), sum(r.made_up), sum(r.missed_owed), sum(r.missed_not_owed),"
                + " sum(r.missed_in_review), sum(r.owed_balance), sum(r.shortfall), sum(r.forecast_short),"
                + " sum(r.over_delivered)" + AGG_ROWS + " group by r.status");
        PARTS.put("aggregates: per school, bitmaps OR-ed", "select x.k, bit_count(bit_or(x.b)),"
                + " bit_count(bit_or(x.b) filter (where x.status = 'AT_RISK')), sum(x.periods), sum(x.owed_balance)"
                + " from (select r.school_id as k, r.status, r.periods, r.owed_balance, rollup_pad(r.students,"
                + " max(length(r.students)) over (partition by r.school_id)) as b" + AGG_ROWS + ") x group by x.k");
        PARTS.put("aggregates: X-Total-Count", "select coalesce(sum(n), 0) from (select bit_count(bit_or(x.b)) as n"
                + " from (select r.school_id, rollup_pad(r.students, max(length(r.students)) over"
                + " (partition by r.school_id)) as b" + AGG_ROWS + " and r.status in ('AT_RISK', 'OUT_OF_COMPLIANCE'))"
                + " x group by x.school_id) y");
        PARTS.put("periods: one page of studentsAtRisk", """
                select c.student_id, s.given_name, s.family_name, s.school_id,
                       max(case c.status when 'OUT_OF_COMPLIANCE' then 4 when 'AT_RISK' then 3 when 'ON_TRACK' then 2
                           when 'OVER_DELIVERED' then 1 else 0 end) as severity,
                       count(*) filter (where c.status = 'AT_RISK'), count(*) filter (where c.status = 'OUT_OF_COMPLIANCE'),
                       sum(c.owed_balance), sum(c.shortfall_pi + c.shortfall_po) as shortfall,
                       sum(c.forecast_short_pi + c.forecast_short_po), min(c.last_chance_date)
                from compliance_period c join student s on s.student_id = c.student_id
                join school sc on sc.school_id = s.school_id
                where sc.district_id = ? and daterange(c.period_start, c.period_end, '[]') && daterange(?, ?, '[]')
                  and true and c.status in ('AT_RISK', 'OUT_OF_COMPLIANCE')
                group by c.student_id, s.given_name, s.family_name, s.school_id
                order by severity desc nulls last, shortfall desc nulls last, s.family_name asc nulls last,
                         s.given_name, c.student_id limit 50""");
    }

    private void profile(Connection db, HttpRequest health) throws Exception {
        System.out.printf("%nwhere a rollup's time goes (p50 of %d, JDBC in the bench; HTTP floor: /q/health)%n",
                requests);
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
            List<Double> times = new ArrayList<>();
            boolean page = part.getKey().startsWith("periods");
            try (PreparedStatement ps = db.prepareStatement(part.getValue())) {
                ps.setObject(1, district);
                ps.setObject(2, page ? YEAR_START : YEAR_END);
                ps.setObject(3, page ? YEAR_END : YEAR_START);
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                    times.add((System.nanoTime() - t) / 1e6);
                }
            }
            System.out.printf("  %-42s p50 %7.2f ms%n", part.getKey(), percentiles(times)[0]);
        }
        System.out.printf("  %-42s p50 %7.2f ms%n", "GET /q/health (sequential)", timeHttp(health)[0]);
    }

    // --- timing -------------------------------------------------------------------------------

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private double[] timeHttp(HttpRequest request) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            send(request);
            times.add((System.nanoTime() - t) / 1e6);
        }
        return percentiles(times);
    }

    private double[] timeSql(Connection db) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            baseline(db);
            times.add((System.nanoTime() - t) / 1e6);
        }
        return percentiles(times);
    }

    /** p50, p95, p99. */
    static double[] percentiles(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[]{at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)};
    }

    private static double at(double[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    private static double median(List<double[]> rounds, int index) {
        double[] values = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    private static void report(String what, List<double[]> rounds) {
        double[] p50 = rounds.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] p95 = rounds.stream().mapToDouble(r -> r[1]).sorted().toArray();
        System.out.printf("  %-42s p50 %7.1f ms (min %.1f, max %.1f)   p95 %7.1f ms (min %.1f, max %.1f)%n", what,
                p50[p50.length / 2], p50[0], p50[p50.length - 1], p95[p95.length / 2], p95[0], p95[p95.length - 1]);
    }

    /** {@code connections} clients sending back to back for {@code loadSeconds}: requests/s, p50, p99. */
    private void load(String what, HttpRequest request) throws Exception {
        List<Double> times = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(connections);
        long[] errors = new long[1];
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                List<Double> mine = new ArrayList<>();
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            synchronized (errors) {
                                errors[0]++;
                            }
                        }
                        mine.add((System.nanoTime() - t0) / 1e6);
                    }
                } catch (Exception e) {
                    synchronized (errors) {
                        errors[0]++;
                    }
                } finally {
                    synchronized (times) {
                        times.addAll(mine);
                    }
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(loadSeconds));
        stop.set(true);
        done.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] p = percentiles(times);
        System.out.printf("  %-18s %8.1f requests/s   p50 %7.1f ms   p99 %7.1f ms   (%,d requests, %d errors)%n", what,
                times.size() / seconds, p[0], p[2], times.size(), errors[0]);
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
