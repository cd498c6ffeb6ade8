package org.iepservices.reporting.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.iepservices.events.EventCatalog;
import org.iepservices.events.EventEnvelope;
import org.iepservices.events.EventType;
import org.iepservices.events.IepActivated;
import org.iepservices.events.SchoolUpserted;
import org.iepservices.events.ServiceSetting;
import org.iepservices.events.SessionCompleted;
import org.iepservices.events.SessionMissed;
import org.iepservices.events.SessionSeriesScheduled;
import org.iepservices.events.StaffUpserted;
import org.iepservices.events.StudentUpserted;
import org.iepservices.access.Role;
import org.iepservices.localinfra.LocalInfrastructure;
import org.iepservices.localinfra.TokenIssuer;
import org.iepservices.localinfra.ServiceProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The compliance read model under load, against baselines measured in the same run:
 * <ol>
 * <li>load: a district of 5,000 students (roster, IEPs, two weekly series each) and 200,000
 * session events (completions, misses, makeups) through Kafka into reporting-service;</li>
 * <li>lag: event produced to projection committed, p50/p99, for session events paced on top of
 * the loaded model, next to a bare Kafka produce-to-consume round trip at the same pace;</li>
 * <li>rollup: the district rollup over three months of weeks, next to a hand-written SQL
 * aggregate over the raw events loaded into the same PostgreSQL.</li>
 * </ol>
 * Run by {@code bench/reporting.sh}; sizes can be scaled with system properties
 * ({@code bench.students}, {@code bench.sessionEvents}, {@code bench.probes}).
 */
public final class ReportingBenchmark {

    private static final LocalDate TERM_START = LocalDate.of(2026, 9, 1);
    /** "Today" of the run: weeks before it are closed, the current one open. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 4);
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int students = Integer.getInteger("bench.students", 5_000);
    private final int sessionEvents = Integer.getInteger("bench.sessionEvents", 200_000);
    private final int probes = Integer.getInteger("bench.probes", 1_000);
    private final int probeRate = Integer.getInteger("bench.probeRatePerSecond", 50);
    private final Random random = new Random(7);
    private final UUID district = UUID.randomUUID();
    private final List<EventEnvelope> raw = new ArrayList<>();
    private OffsetDateTime clock = OffsetDateTime.of(2026, 8, 20, 12, 0, 0, 0, ZoneOffset.UTC);

    private record Student(UUID id, UUID school, UUID provider, UUID mandate, List<Occ> occurrences) {
    }

    private record Occ(UUID id, LocalDate date, ServiceSetting setting) {
    }

    public static void main(String[] args) throws Exception {
        new ReportingBenchmark().run(Path.of(System.getProperty("iep.repo.root", ".")).toAbsolutePath());
    }

    private <T> EventEnvelope event(EventType<T> type, UUID subject, T payload) {
        clock = clock.plusNanos(1_000_000);
        EventEnvelope e = EventEnvelope.wrap("/bench", type, subject.toString(), payload, clock, MAPPER);
        raw.add(e);
        return e;
    }

    private void run(Path repo) throws Exception {
        System.out.printf("reporting benchmark: %d students, %d session events, %d probes at %d/s%n", students,
                sessionEvents, probes, probeRate);
        try (LocalInfrastructure infra = LocalInfrastructure.start(0, List.of("reporting"));
             KafkaProducer<String, String> producer = producer(infra)) {
            infra.createTopics(List.of("bench.roundtrip"));
            Map<String, String> config = new LinkedHashMap<>(infra.serviceConfig("reporting"));
            config.putAll(TokenIssuer.shared().serviceConfig()); // the service trusts our tokens
            config.put("compliance.today", TODAY.toString());
            config.put("quarkus.log.level", "WARN");
            config.put("compliance.refresh.every", "1h");
            int port = 18084;
            try (ServiceProcess reporting = ServiceProcess.start(repo, "reporting-service", port, config,
                    repo.resolve("reporting-service/target/bench-logs"), "1g")) {
                reporting.awaitReady(Duration.ofMinutes(3));
                try (Connection db = DriverManager.getConnection(infra.jdbcUrl("reporting"), infra.username(),
                        infra.password())) {
                    List<Student> roster = generateRoster();
                    List<EventEnvelope> setup = new ArrayList<>(raw);
                    List<EventEnvelope> sessions = generateSessions(roster);
                    long t0 = System.nanoTime();
                    send(producer, setup);
                    awaitConsumed(db, setup.size(), Duration.ofMinutes(30));
                    long t1 = System.nanoTime();
                    send(producer, sessions);
                    long sent = System.nanoTime();
                    awaitConsumed(db, setup.size() + sessions.size(), Duration.ofMinutes(120));
                    long t2 = System.nanoTime();
                    double setupSeconds = (t1 - t0) / 1e9;
                    double sessionSeconds = (t2 - t1) / 1e9;
                    System.out.printf("%nload%n  roster+IEPs+series: %,d events in %.1f s (%.0f events/s)%n",
                            setup.size(), setupSeconds, setup.size() / setupSeconds);
                    System.out.printf("  session events:     %,d events in %.1f s (%.0f events/s; produced in %.1f s)%n",
                            sessions.size(), sessionSeconds, sessions.size() / sessionSeconds, (sent - t1) / 1e9);
                    count(db, "compliance_period rows", "select count(*) from compliance_period");

                    double[] lag = lag(db, producer, roster);
                    double[] kafka = roundTrip(infra, producer);
                    System.out.printf("%nevent -> projection lag (%d events at %d/s, on the loaded model)%n",
                            probes, probeRate);
                    System.out.printf("  reporting-service    p50 %7.1f ms   p99 %7.1f ms%n", lag[0], lag[1]);
                    System.out.printf("  bare Kafka roundtrip p50 %7.1f ms   p99 %7.1f ms%n", kafka[0], kafka[1]);
                    System.out.printf("  ratio                p50 %7.1fx     p99 %7.1fx%n", lag[0] / kafka[0],
                            lag[1] / kafka[1]);

                    loadRawEvents(db);
                    LocalDate week = TODAY.with(DayOfWeek.MONDAY);
                    for (LocalDate[] range : List.of(new LocalDate[]{week, week.plusDays(6)},
                            new LocalDate[]{TERM_START, LocalDate.of(2026, 11, 30)})) {
                        double[] rollup = rollup(reporting.baseUrl(), range[0], range[1]);
                        double[] rawSql = rawSql(db, range[0], range[1]);
                        System.out.printf("%ndistrict rollup, %s to %s (%,d students)%n", range[0], range[1],
                                students);
                        System.out.printf("  GET /api/v1/compliance/districts/{id}   p50 %7.1f ms   p99 %7.1f ms%n",
                                rollup[0], rollup[1]);
                        System.out.printf("  hand-written SQL over raw events        p50 %7.1f ms   p99 %7.1f ms%n",
                                rawSql[0], rawSql[1]);
                        System.out.printf("  ratio (raw SQL / rollup)                p50 %7.1fx%n", rawSql[0] / rollup[0]);
                    }
                }
            }
        }
    }

    private static KafkaProducer<String, String> producer(LocalInfrastructure infra) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    // --- data -----------------------------------------------------------------------------------

    private List<Student> generateRoster() {
        int schools = Math.max(1, students / 500);
        List<UUID> schoolIds = new ArrayList<>();
        for (int i = 0; i < schools; i++) {
            UUID school = UUID.randomUUID();
            schoolIds.add(school);
            event(SchoolUpserted.TYPE, school, new SchoolUpserted(school, "sch" + i, "School " + i, district,
                    "America/New_York", "active"));
        }
        List<UUID> providers = new ArrayList<>();
        for (int i = 0; i < Math.max(1, students / 60); i++) {
            UUID staff = UUID.randomUUID();
            providers.add(staff);
            event(StaffUpserted.TYPE, staff, new StaffUpserted(staff, "stf" + i, "Provider", "No" + i,
                    "p" + i + "@example.org", "SLP", "CCC-SLP", List.of(), "active"));
        }
        List<Student> roster = new ArrayList<>();
        LocalDate end = LocalDate.of(2027, 6, 18);
        int weeks = 20;
        for (int i = 0; i < students; i++) {
            UUID id = UUID.randomUUID();
            UUID school = schoolIds.get(i % schools);
            UUID provider = providers.get(i % providers.size());
            UUID mandate = UUID.randomUUID();
            event(StudentUpserted.TYPE, id, new StudentUpserted(id, "stu" + i, "Student", "No" + i, "3", school,
                    "active"));
            event(IepActivated.TYPE, id, new IepActivated(UUID.randomUUID(), id, null, TERM_START, end,
                    List.of(new IepActivated.Mandate(mandate, null, "SPEECH_LANGUAGE", "SLP", provider, 2, 30, "WEEK",
                            1, 1, "GROUP", 3, TERM_START, end, null, null, List.of())), List.of()));
            List<Occ> occurrences = new ArrayList<>();
            for (ServiceSetting setting : ServiceSetting.values()) {
                DayOfWeek day = setting == ServiceSetting.PULL_OUT ? DayOfWeek.TUESDAY : DayOfWeek.THURSDAY;
                List<SessionSeriesScheduled.Occurrence> list = new ArrayList<>();
                LocalDate first = TERM_START.with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
                for (int w = 0; w < weeks; w++) {
                    UUID occ = UUID.randomUUID();
                    LocalDate date = first.plusWeeks(w);
                    list.add(new SessionSeriesScheduled.Occurrence(occ, date, LocalTime.of(10, 0), 30,
                            setting == ServiceSetting.PULL_OUT
                                    ? List.of(new SessionSeriesScheduled.SubjectMinutes("MATH", 30)) : List.of()));
                    occurrences.add(new Occ(occ, date, setting));
                }
                event(SessionSeriesScheduled.TYPE, id, new SessionSeriesScheduled(UUID.randomUUID(), id, mandate,
                        provider, "SPEECH_LANGUAGE", setting, school, null, List.of(), null, null, null, day,
                        LocalTime.of(10, 0), 30, first, first.plusWeeks(weeks - 1), 1, list));
            }
            roster.add(new Student(id, school, provider, mandate, occurrences));
        }
        return roster;
    }

    /** Per student, in date order: each occurrence completed (85%) or missed; owed misses made up later. */
    private List<EventEnvelope> generateSessions(List<Student> roster) {
        int before = raw.size();
        int perStudent = Math.max(1, sessionEvents / roster.size());
        for (Student s : roster) {
            List<UUID> owed = new ArrayList<>();
            int made = 0;
            for (Occ o : s.occurrences().stream().sorted((a, b) -> a.date().compareTo(b.date())).toList()) {
                if (made >= perStudent || !o.date().isBefore(TODAY)) {
                    break;
                }
                if (random.nextInt(100) < 15) {
                    UUID miss = UUID.randomUUID();
                    boolean isOwed = random.nextBoolean();
                    if (isOwed) {
                        owed.add(miss);
                    }
                    event(SessionMissed.TYPE, s.id(), new SessionMissed(miss, s.id(), s.mandate(), s.provider(),
                            o.setting(), o.date(), 30, isOwed ? "PROVIDER_ABSENT" : "STUDENT_ABSENT",
                            isOwed ? "OWED" : "NOT_OWED", o.id(), null));
                } else {
                    List<SessionCompleted.Repayment> repays = owed.isEmpty() || random.nextInt(3) > 0 ? List.of()
                            : List.of(new SessionCompleted.Repayment(owed.remove(0), 15));
                    event(SessionCompleted.TYPE, s.id(), new SessionCompleted(UUID.randomUUID(), s.id(), s.mandate(),
                            s.provider(), o.setting(), o.date(), repays.isEmpty() ? 30 : 45, repays, o.id(),
                            "SPEECH_LANGUAGE", "INDIVIDUAL", LocalTime.of(10, 0), LocalTime.of(10, 30), "PRESENT",
                            List.of(), null, null));
                }
                made++;
            }
            // Extra ad hoc sessions to reach the number of session events asked for.
            for (LocalDate d = TERM_START.plusDays(2); made < perStudent; d = d.plusDays(7)) {
                event(SessionCompleted.TYPE, s.id(), new SessionCompleted(UUID.randomUUID(), s.id(), s.mandate(),
                        s.provider(), ServiceSetting.PUSH_IN, d, 20, List.of()));
                made++;
            }
        }
        return new ArrayList<>(raw.subList(before, raw.size()));
    }

    private static void send(KafkaProducer<String, String> producer, List<EventEnvelope> events) throws Exception {
        List<Future<?>> pending = new ArrayList<>();
        for (EventEnvelope e : events) {
            pending.add(producer.send(record(e)));
            if (pending.size() >= 5_000) {
                for (Future<?> f : pending) {
                    f.get();
                }
                pending.clear();
            }
        }
        for (Future<?> f : pending) {
            f.get();
        }
    }

    private static ProducerRecord<String, String> record(EventEnvelope e) throws Exception {
        String topic = EventCatalog.byName(e.type()).orElseThrow().topic();
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, e.subject(), MAPPER.writeValueAsString(e));
        r.headers().add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private static void awaitConsumed(Connection db, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        long lastReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long n;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                    "select count(*) from consumed_event where consumer like 'compliance.%'")) {
                rs.next();
                n = rs.getLong(1);
            }
            if (n >= expected) {
                return;
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(30)) {
                System.out.printf("  ... %,d of %,d consumed%n", n, expected);
                lastReport = System.nanoTime();
            }
            last = n;
            Thread.sleep(500);
        }
        throw new IllegalStateException("only " + last + " of " + expected + " events consumed in " + timeout);
    }

    private static void count(Connection db, String what, String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            System.out.printf("  %s: %,d%n", what, rs.getLong(1));
        }
    }

    // --- lag ----------------------------------------------------------------------------------

    /** Paced session events; a poller sees each one's ledger row, committed with its projection change. */
    private double[] lag(Connection db, KafkaProducer<String, String> producer, List<Student> roster) throws Exception {
        Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> lags = new ArrayList<>();
        Thread poller = new Thread(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "select event_id from consumed_event where consumer = 'compliance.session' and event_id = any(?)")) {
                while (!Thread.currentThread().isInterrupted()) {
                    // Every 2 ms: fine enough next to lags of tens of ms, and no busy loop stealing the
                    // CPU the service needs (the machine has two cores).
                    Thread.sleep(2);
                    if (sentAt.isEmpty()) {
                        continue;
                    }
                    ps.setArray(1, db.createArrayOf("uuid", sentAt.keySet().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            Long sent = sentAt.remove(rs.getObject(1, UUID.class));
                            if (sent != null) {
                                synchronized (lags) {
                                    lags.add((now - sent) / 1e6);
                                }
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (!(e instanceof InterruptedException)) {
                    e.printStackTrace();
                }
            }
        }, "lag-poller");
        poller.setDaemon(true);
        poller.start();
        long interval = TimeUnit.SECONDS.toNanos(1) / probeRate;
        long next = System.nanoTime();
        LocalDate open = TODAY.with(DayOfWeek.MONDAY);
        for (int i = 0; i < probes; i++) {
            Student s = roster.get(random.nextInt(roster.size()));
            EventEnvelope e = EventEnvelope.wrap("/bench", SessionCompleted.TYPE, s.id().toString(),
                    new SessionCompleted(UUID.randomUUID(), s.id(), s.mandate(), s.provider(), ServiceSetting.PUSH_IN,
                            open.plusDays(random.nextInt(5)), 30, List.of()), OffsetDateTime.now(), MAPPER);
            ProducerRecord<String, String> r = record(e);
            pace(next);
            sentAt.put(e.id(), System.nanoTime());
            producer.send(r);
            next += interval;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        poller.interrupt();
        poller.join(5_000);
        synchronized (lags) {
            if (Boolean.getBoolean("bench.verbose")) {
                System.out.println("  lags in arrival order (ms): " + lags.subList(0, Math.min(20, lags.size()))
                        + " ... " + lags.subList(Math.max(0, lags.size() - 10), lags.size()));
            }
            return percentiles(lags);
        }
    }

    /** The same number of records of the same size, same pace, produced and consumed by plain clients. */
    private double[] roundTrip(LocalInfrastructure infra, KafkaProducer<String, String> producer) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Double> lags = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("bench.roundtrip"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            Thread reader = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted() && lags.size() < probes) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Long sent = sentAt.remove(r.key());
                        if (sent != null) {
                            synchronized (lags) {
                                lags.add((now - sent) / 1e6);
                            }
                        }
                    }
                }
            }, "roundtrip-reader");
            reader.start();
            String payload = MAPPER.writeValueAsString(raw.get(raw.size() - 1));
            long interval = TimeUnit.SECONDS.toNanos(1) / probeRate;
            long next = System.nanoTime();
            for (int i = 0; i < probes; i++) {
                String key = UUID.randomUUID().toString();
                pace(next);
                sentAt.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>("bench.roundtrip", key, payload));
                next += interval;
            }
            reader.join(120_000);
            reader.interrupt();
        }
        synchronized (lags) {
            return percentiles(lags);
        }
    }

    /** Sleeps until {@code deadline} (System.nanoTime) without spinning. */
    private static void pace(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    private static double[] percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[]{sorted[(int) Math.floor(0.50 * (sorted.length - 1))],
                sorted[(int) Math.floor(0.99 * (sorted.length - 1))]};
    }

    // --- rollup -------------------------------------------------------------------------------

    private double[] rollup(String baseUrl, LocalDate from, LocalDate to) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/compliance/districts/" + district
                + "?from=" + from + "&to=" + to)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + TokenIssuer.shared().token("bench", Role.DISTRICT_ADMIN_NAME).sign())
                .build();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("rollup answered " + r.statusCode() + ": " + r.body());
            }
            if (i >= 3) {
                times.add((System.nanoTime() - t) / 1e6);
            }
            if (i == 0) {
                System.out.println("  rollup: " + r.body().substring(0, Math.min(400, r.body().length())) + " ...");
            }
        }
        return percentiles(times);
    }

    /**
     * The raw events in a table of their own, then a hand-written aggregate answering the same
     * question from them: per student and week, mandated against delivered minutes per setting,
     * counted by verdict, for the district. Simpler than the projection's rules (no makeups moved
     * to the missed week, no proration, no forecast), so it is the cheap end of the comparison.
     */
    private void loadRawEvents(Connection db) throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("drop table if exists bench_raw_event");
            st.execute("create table bench_raw_event (event_id uuid primary key, type text not null, subject text,"
                    + " time timestamptz, data jsonb not null)");
        }
        try (PreparedStatement ps = db.prepareStatement(
                "insert into bench_raw_event (event_id, type, subject, time, data) values (?, ?, ?, ?, ?::jsonb)")) {
            int n = 0;
            for (EventEnvelope e : raw) {
                ps.setObject(1, e.id());
                ps.setString(2, e.type());
                ps.setString(3, e.subject());
                ps.setObject(4, e.time());
                ps.setString(5, MAPPER.writeValueAsString(e.data()));
                ps.addBatch();
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (Statement st = db.createStatement()) {
            st.execute("analyze bench_raw_event");
        }
    }

    private double[] rawSql(Connection db, LocalDate from, LocalDate to) throws Exception {
        String sql = """
                with school as (
                    select data->>'schoolId' as school_id from bench_raw_event
                    where type = 'SchoolUpserted' and data->>'districtId' = ?),
                student as (
                    select e.data->>'studentId' as student_id from bench_raw_event e
                    join school s on s.school_id = e.data->>'schoolId' where e.type = 'StudentUpserted'),
                mandate as (
                    select m->>'mandateId' as mandate_id, e.data->>'studentId' as student_id,
                           (m->>'pushInSessions')::int * (m->>'minutesPerSession')::int as pi,
                           (m->>'pullOutSessions')::int * (m->>'minutesPerSession')::int as po
                    from bench_raw_event e cross join jsonb_array_elements(e.data->'mandates') m
                    join student s on s.student_id = e.data->>'studentId' where e.type = 'IepActivated'),
                week as (select generate_series(date_trunc('week', ?::date), ?::date, interval '1 week')::date as week),
                delivered as (
                    select data->>'mandateId' as mandate_id,
                           date_trunc('week', (data->>'sessionDate')::date)::date as week,
                           sum((data->>'minutes')::int) filter (where data->>'setting' = 'PUSH_IN') as pi,
                           sum((data->>'minutes')::int) filter (where data->>'setting' = 'PULL_OUT') as po
                    from bench_raw_event where type = 'SessionCompleted' group by 1, 2),
                missed as (
                    select data->>'mandateId' as mandate_id,
                           date_trunc('week', (data->>'sessionDate')::date)::date as week,
                           sum((data->>'minutes')::int) filter (where data->>'owed' = 'OWED') as owed
                    from bench_raw_event where type = 'SessionMissed' group by 1, 2)
                select case when w.week > date '2026-11-04' then 'NOT_STARTED'
                            when coalesce(d.pi, 0) >= m.pi and coalesce(d.po, 0) >= m.po then 'MET'
                            else 'SHORT' end as status,
                       count(*) as periods, count(distinct m.student_id) as students,
                       coalesce(sum(x.owed), 0) as owed
                from mandate m cross join week w
                left join delivered d on d.mandate_id = m.mandate_id and d.week = w.week
                left join missed x on x.mandate_id = m.mandate_id and x.week = w.week
                group by 1 order by 1""";
        List<Double> times = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, district.toString());
            ps.setObject(2, from);
            ps.setObject(3, to);
            for (int i = 0; i < 13; i++) {
                long t = System.nanoTime();
                StringBuilder out = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
                    }
                }
                if (i >= 3) {
                    times.add((System.nanoTime() - t) / 1e6);
                }
                if (i == 0) {
                    System.out.println("  raw SQL: " + out);
                }
            }
        }
        return percentiles(times);
    }

}
