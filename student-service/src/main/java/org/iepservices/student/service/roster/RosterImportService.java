package org.iepservices.student.service.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.domain.roster.ImportMode;
import org.iepservices.student.domain.roster.ImportReport;
import org.iepservices.student.domain.roster.RosterDistrict;
import org.iepservices.student.domain.roster.RosterFile;
import org.iepservices.student.domain.roster.RosterFeed;
import org.iepservices.student.domain.roster.RosterHeader;
import org.iepservices.student.domain.roster.RosterManifest;
import org.iepservices.student.domain.roster.RosterRecord;
import org.iepservices.student.domain.roster.RosterReference;
import org.iepservices.student.domain.roster.RosterRowReader;
import org.iepservices.student.domain.roster.RosterVersion;
import org.iepservices.student.domain.roster.RowIssue;
import org.iepservices.student.repository.RosterRecordRepository;
import org.iepservices.student.repository.RosterRecordRepository.Change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Imports a OneRoster CSV zip (1.1 or 1.2, bulk or delta per file). First the whole zip is checked
 * for structural problems (no manifest, unsupported version, missing files or required columns);
 * any of those rejects the import before anything is written. Then each file is applied in its own
 * transaction, in reference order, streamed a chunk of rows at a time (a million-row users file
 * never sits in memory): a bad row is reported and skipped, the others apply.
 * A dry run does the same work in one transaction and rolls it back.
 */
@ApplicationScoped
public class RosterImportService {

    /** Rows validated, written and projected together: a few queries per chunk, bounded memory. */
    static final int CHUNK = 2000;

    /** Imports run one at a time (per database: the lock is taken in each file's transaction). */
    static final long IMPORT_LOCK_KEY = 0x726f73746572L;

    private record FilePlan(RosterFile file, ImportMode mode, ZipEntry entry, RosterHeader header) {
    }

    /**
     * How to run one import.
     *
     * @param dryRun                  validate and count, write nothing
     * @param source                  the feed the import belongs to
     * @param confirmMassDeactivation apply a bulk file even when it deactivates more than the
     *                                allowed share of its scope's students or staff
     * @param claimedDistrict         the caller's district_id claim, or null
     * @param requestedDistrict       the districtId parameter (a district-less caller importing for a
     *                                district), or null
     */
    public record Options(boolean dryRun, String source, boolean confirmMassDeactivation, UUID claimedDistrict,
                          UUID requestedDistrict) {
    }

    /** The orgs a zip covers, and what its orgs.csv says about districts. */
    private record Orgs(Set<String> covered, RosterDistricts.FileOrgs file) {
    }

    private final ReentrantLock importing = new ReentrantLock();
    private final RosterRecordRepository records;
    private final RosterProjection projection;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final Duration fileTimeout;
    private final double massDeactivationThreshold;
    private final long massDeactivationMinimum;
    private final RosterZipLimits limits;
    private final RosterDistricts districts;
    @jakarta.inject.Inject
    RosterImportCompletions completions;

    RosterImportService(RosterRecordRepository records, RosterProjection projection, EntityManager em,
                        RosterZipLimits limits, RosterDistricts districts,
                        ObjectMapper mapper, @ConfigProperty(name = "district.time-zone") ZoneId zone,
                        @ConfigProperty(name = "roster.import.file-timeout", defaultValue = "1h") Duration fileTimeout,
                        @ConfigProperty(name = "roster.import.mass-deactivation-threshold", defaultValue = "0.10")
                        double massDeactivationThreshold,
                        @ConfigProperty(name = "roster.import.mass-deactivation-minimum", defaultValue = "5")
                        long massDeactivationMinimum) {
        this.records = records;
        this.projection = projection;
        this.em = em;
        this.mapper = mapper;
        this.zone = zone;
        this.fileTimeout = fileTimeout;
        this.massDeactivationThreshold = massDeactivationThreshold;
        this.massDeactivationMinimum = massDeactivationMinimum;
        this.limits = limits;
        this.districts = districts;
    }

    /**
     * Told how far an import has read, after every chunk of every file (an async import's job
     * writes it where any replica can serve it).
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (file, rowsRead) -> { };

        void rowsRead(String file, long rowsRead);
    }

    /** What a zip's structure says: its version and the files to apply, in reference order. */
    private record Planned(RosterVersion version, List<FilePlan> plans) {
    }

    public ImportReport importZip(Path zipPath, Options options) {
        return importZip(zipPath, options, UUID.randomUUID(), Progress.NONE);
    }

    /**
     * Everything that rejects an import before a row is read, decided now (an async import answers
     * it before the 202): not a zip, a zip bomb, no manifest, an unsupported version, missing files
     * or columns, a districtId that disagrees with the token's district. What needs the rows (the
     * roster's own districts) is decided when the import runs.
     */
    public void precheck(Path zipPath, Options options) {
        RosterDistricts.explicit(options.claimedDistrict(), options.requestedDistrict());
        try (ZipFile zip = open(zipPath)) {
            limits.check(zip);
            plan(zip, new ImportReport());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports a zip as {@code id} (the report's id), telling {@code progress} how far it has read.
     */
    public ImportReport importZip(Path zipPath, Options options, UUID id, Progress progress) {
        boolean dryRun = options.dryRun();
        try (ZipFile zip = open(zipPath)) {
            limits.check(zip); // before anything else reads it: a zip bomb is refused unopened
            ImportReport report = new ImportReport();
            report.id = id;
            report.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
            report.dryRun = dryRun;
            report.source = options.source();
            Planned planned = plan(zip, report);
            RosterVersion version = planned.version();
            List<FilePlan> plans = planned.plans();

            Orgs orgs = coveredOrgs(zip, plans);
            UUID district = QuarkusTransaction.requiringNew().call(() -> districts.forImport(
                    options.claimedDistrict(), options.requestedDistrict(), orgs.file(), orgs.covered(),
                    () -> ownRecords(zip, plans)));
            RosterFeed feed = new RosterFeed(options.source(), district, orgs.covered());
            report.district = RosterDistrict.known(feed.district()) ? feed.district() : null;
            report.coveredOrgs.addAll(new TreeSet<>(feed.coveredOrgs()));
            int timeout = (int) Math.min(Integer.MAX_VALUE, fileTimeout.toSeconds());
            importing.lock();
            try {
                Optional<FilePlan> bulkUsers = plans.stream()
                        .filter(p -> p.file() == RosterFile.USERS && p.mode() == ImportMode.BULK).findFirst();
                if (bulkUsers.isPresent()) {
                    report.massDeactivation = QuarkusTransaction.requiringNew().timeout(timeout)
                            .call(() -> massDeactivation(zip, bulkUsers.get(), feed, options));
                }
                boolean held = !dryRun && report.massDeactivation != null && !options.confirmMassDeactivation()
                        && report.massDeactivation.exceeds(massDeactivationMinimum);
                if (dryRun || held) {
                    // A held import is counted like a dry run, so its report says what it would do.
                    QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(timeout * plans.size()));
                    try {
                        plans.forEach(plan -> apply(zip, plan, version, feed, report, progress));
                    } finally {
                        QuarkusTransaction.rollback();
                    }
                    report.outcome = held ? ImportReport.Outcome.HELD : ImportReport.Outcome.VALIDATED;
                } else {
                    for (FilePlan plan : plans) {
                        QuarkusTransaction.requiringNew().timeout(timeout)
                                .run(() -> apply(zip, plan, version, feed, report, progress));
                    }
                    report.outcome = ImportReport.Outcome.APPLIED;
                }
            } finally {
                importing.unlock();
            }
            QuarkusTransaction.requiringNew().run(() -> save(report));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads manifest and headers; structural problems reject the import as a whole (422). */
    private static Planned plan(ZipFile zip, ImportReport report) throws IOException {
        Map<String, ZipEntry> entries = index(zip);
        List<Problem.Violation> structural = new ArrayList<>();

        ZipEntry manifestEntry = entries.get("manifest");
        if (manifestEntry == null) {
            throw rejected("The zip has no manifest.csv; nothing was imported.",
                    List.of(new Problem.Violation("manifest.csv", "required: it says which files are bulk, delta or absent")));
        }
        RosterManifest manifest = readManifest(zip, manifestEntry);
        manifest.errors().forEach(e -> structural.add(violation(e)));
        manifest.warnings().forEach(report::warning);
        report.notImported.addAll(manifest.otherFilesWithData());

        RosterVersion version;
        if (manifest.version().isPresent()) {
            version = manifest.version().get();
            report.versionSource = "manifest";
        } else {
            version = detectVersion(zip, entries);
            report.versionSource = "headers";
        }
        report.version = version.label();

        List<FilePlan> plans = new ArrayList<>();
        for (RosterFile file : RosterFile.values()) {
            ImportMode mode = manifest.modes().get(file);
            ZipEntry entry = entries.get(file.fileName().toLowerCase(Locale.ROOT));
            String name = file.fileName() + ".csv";
            if (!file.inVersion(version)) {
                if (entry != null || mode != ImportMode.ABSENT) {
                    report.warning(RowIssue.ofFile(name, name + " exists only in OneRoster 1.2; ignored in a "
                            + version.label() + " import"));
                }
                continue;
            }
            if (mode == ImportMode.ABSENT) {
                if (entry != null && !manifest.declared().contains(file)) {
                    // Guessing bulk could deactivate a district's roster, guessing absent drops data silently.
                    structural.add(new Problem.Violation("manifest.csv:file." + file.fileName(), "the zip has "
                            + name + " but manifest.csv has no file." + file.fileName()
                            + " entry saying bulk, delta or absent"));
                } else if (entry != null) {
                    report.warning(RowIssue.ofFile(name, "the manifest says absent; the file was ignored"));
                }
                continue;
            }
            if (entry == null) {
                structural.add(new Problem.Violation(name, "the manifest says " + mode.name().toLowerCase(Locale.ROOT)
                        + " but the zip has no " + name));
                continue;
            }
            List<String> header = readHeader(zip, entry);
            if (header.isEmpty()) {
                structural.add(new Problem.Violation(name, "the file is empty: no header row"));
                continue;
            }
            RosterHeader matched = RosterHeader.of(file, version, header);
            for (String missing : matched.missingRequired()) {
                structural.add(new Problem.Violation(name + ":" + missing, "required column " + missing
                        + " is missing from the header " + header));
            }
            for (String unknown : matched.unknown()) {
                report.warning(new RowIssue(name, 1L, unknown, "unknown column '" + unknown + "' kept as an extension"));
            }
            plans.add(new FilePlan(file, mode, entry, matched));
            report.file(file).mode = mode;
        }
        if (!structural.isEmpty()) {
            throw rejected("The roster was rejected as a whole; nothing was imported.", structural);
        }

        return new Planned(version, plans);
    }

    public Optional<JsonNode> find(UUID id) {
        List<?> rows = em.createNativeQuery("select cast(report as text) from roster_import where id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> json((String) r));
    }

    /** Newest first, without the issue lists (fetch one import for those). */
    public List<JsonNode> list(int limit, int offset) {
        List<?> rows = em.createNativeQuery("select cast(report - 'errors' - 'warnings' as text) from roster_import"
                        + " order by received_at desc limit :limit offset :offset")
                .setParameter("limit", limit).setParameter("offset", offset).getResultList();
        return rows.stream().map(r -> json((String) r)).toList();
    }

    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from roster_import").getSingleResult()).longValue();
    }

    /**
     * Applies one file, {@value #CHUNK} rows at a time: validate, check references and duplicates,
     * write what changed to roster_record, project it. Then, for a bulk file, deactivate what it no
     * longer lists. Runs inside the file's transaction.
     */
    private void apply(ZipFile zip, FilePlan plan, RosterVersion version, RosterFeed feed, ImportReport report,
                       Progress progress) {
        lock();
        // The tables grow by thousands of rows per chunk inside this one transaction: a plan cached
        // while a table was empty (a sequential scan) would stay and make every later chunk slower.
        em.createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
        String name = plan.file().fileName() + ".csv";
        ImportReport.FileCounts counts = report.file(plan.file());
        RosterRowReader reader = new RosterRowReader(plan.header(), version, plan.mode());
        Map<String, Long> lines = new HashMap<>();
        ProjectionContext context = new ProjectionContext(feed.district(),
                "the roster marked it tobedeleted (" + plan.mode().name().toLowerCase(Locale.ROOT) + " " + name + ")",
                zone, (sourcedId, message) -> report.warning(new RowIssue(name, lines.get(sourcedId), null,
                        sourcedId + ": " + message)));
        records.startFile();
        try (CsvRows rows = new CsvRows(zip.getInputStream(plan.entry()))) {
            rows.next(); // the header, already checked
            List<Row> chunk = new ArrayList<>(CHUNK);
            while (rows.hasNext()) {
                List<String> values = rows.next();
                chunk.add(new Row(rows.line(), values));
                if (chunk.size() == CHUNK) {
                    applyChunk(plan, reader, chunk, counts, lines, context, feed, report);
                    chunk.clear();
                    progress.rowsRead(plan.file().fileName(), counts.rows);
                }
            }
            applyChunk(plan, reader, chunk, counts, lines, context, feed, report);
            progress.rowsRead(plan.file().fileName(), counts.rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.clear();
        if (plan.mode() == ImportMode.BULK) {
            counts.deactivated += records.deactivateUnseen(plan.file().entity(), report.id, feed);
            ProjectionContext absent = context.withReason("no longer listed in the roster's bulk " + name);
            String after = "";
            for (List<String> gone = records.gone(after, CHUNK); !gone.isEmpty(); gone = records.gone(after, CHUNK)) {
                projection.project(plan.file(), gone, absent);
                after = gone.get(gone.size() - 1);
                em.flush();
                em.clear();
            }
        }
    }

    private record Row(long line, List<String> values) {
    }

    private void applyChunk(FilePlan plan, RosterRowReader reader, List<Row> chunk, ImportReport.FileCounts counts,
                            Map<String, Long> lines, ProjectionContext context, RosterFeed feed, ImportReport report) {
        if (chunk.isEmpty()) {
            return;
        }
        RosterFile file = plan.file();
        String name = file.fileName() + ".csv";
        Integer idColumn = plan.header().known().get("sourcedId");
        List<RosterRecordRow> valid = new ArrayList<>();
        Map<Long, List<RowIssue>> rejected = new TreeMap<>(); // by line: the report lists errors in file order
        Set<String> listed = new LinkedHashSet<>();
        for (Row row : chunk) {
            counts.rows++;
            RosterRowReader.Result result = reader.read(row.line(), row.values());
            result.warnings().forEach(report::warning);
            // A rejected row still counts as listed in a bulk file: a bad date must not deactivate its record.
            String sourcedId = idColumn != null && idColumn < row.values().size() ? row.values().get(idColumn).trim() : "";
            boolean duplicate = !sourcedId.isEmpty() && !listed.add(sourcedId);
            if (result.rejected()) {
                rejected.put(row.line(), result.errors());
            } else if (duplicate) {
                rejected.put(row.line(), List.of(duplicateIssue(name, row.line(), sourcedId)));
            } else {
                valid.add(new RosterRecordRow(row.line(), result.record()));
            }
        }
        Set<String> listedBefore = records.seen(listed);
        checkReferences(file, valid, rejected, report, feed, false);

        List<RosterRecord> toApply = new ArrayList<>();
        List<Long> applyLines = new ArrayList<>();
        for (RosterRecordRow row : valid) {
            if (rejected.containsKey(row.line())) {
                continue;
            }
            if (listedBefore.contains(row.record().sourcedId())) {
                rejected.put(row.line(), List.of(duplicateIssue(name, row.line(), row.record().sourcedId())));
                continue;
            }
            toApply.add(row.record());
            applyLines.add(row.line());
        }
        rejected.values().forEach(issues -> {
            counts.rejected++;
            issues.forEach(report::error);
        });

        List<Change> changes = records.apply(file.entity(), toApply, report.id, feed);
        List<String> changed = new ArrayList<>();
        lines.clear();
        for (int i = 0; i < changes.size(); i++) {
            RosterRecord record = toApply.get(i);
            switch (changes.get(i)) {
                case INSERTED -> counts.inserted++;
                case UPDATED -> counts.updated++;
                case DEACTIVATED -> counts.deactivated++;
                case UNCHANGED -> counts.unchanged++;
            }
            if (changes.get(i) != Change.UNCHANGED) {
                changed.add(record.sourcedId());
                lines.put(record.sourcedId(), applyLines.get(i));
            }
        }
        checkReferences(file, valid.stream().filter(r -> !rejected.containsKey(r.line())).toList(), rejected, report,
                feed, true);
        projection.project(file, changed, context);
        em.flush();
        em.clear();
    }

    private record RosterRecordRow(long line, RosterRecord record) {
    }

    private void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", IMPORT_LOCK_KEY)
                .getSingleResult();
    }

    /**
     * The orgs a zip covers: every org its orgs.csv lists and every org its other files reference
     * (a class's school, a user's orgs, an enrollment's school). Its bulk files replace records of
     * these orgs and of the orgs stored below them, nothing else. Reads only those columns.
     */
    private static Orgs coveredOrgs(ZipFile zip, List<FilePlan> plans) throws IOException {
        Set<String> orgs = new HashSet<>();
        Set<String> districtOrgs = new HashSet<>();
        Set<String> schoolParents = new HashSet<>();
        for (FilePlan plan : plans) {
            List<Integer> columns = new ArrayList<>();
            Integer type = null;
            Integer parent = null;
            Integer id = null;
            if (plan.file() == RosterFile.ORGS) {
                id = plan.header().known().get("sourcedId");
                type = plan.header().known().get("type");
                parent = plan.header().known().get("parentSourcedId");
                columns.add(id);
            }
            for (RosterReference ref : RosterReference.of(plan.file())) {
                if (ref.target() == RosterFile.ORGS && plan.header().known().containsKey(ref.column())) {
                    columns.add(plan.header().known().get(ref.column()));
                }
            }
            if (columns.isEmpty()) {
                continue;
            }
            try (CsvRows rows = new CsvRows(zip.getInputStream(plan.entry()))) {
                rows.next(); // the header
                while (rows.hasNext()) {
                    List<String> values = rows.next();
                    for (Integer column : columns) {
                        if (column != null && column < values.size()) {
                            orgs.addAll(RosterRecord.splitValues(values.get(column)));
                        }
                    }
                    // What orgs.csv says about its district (a tobedeleted org says nothing).
                    String orgType = cell(values, type).toLowerCase(Locale.ROOT);
                    if (plan.file() == RosterFile.ORGS && !"tobedeleted".equalsIgnoreCase(cell(values,
                            plan.header().known().get("status")))) {
                        if ("district".equals(orgType) && !cell(values, id).isEmpty()) {
                            districtOrgs.add(cell(values, id));
                        } else if ("school".equals(orgType) && !cell(values, parent).isEmpty()) {
                            schoolParents.add(cell(values, parent));
                        }
                    }
                }
            }
        }
        return new Orgs(orgs, new RosterDistricts.FileOrgs(districtOrgs, schoolParents));
    }

    private static String cell(List<String> values, Integer column) {
        return column != null && column < values.size() ? values.get(column).trim() : "";
    }

    /**
     * The sourcedIds of the zip's records by entity (the first chunk of each file): where a roster
     * that names no org at all (academic sessions only) was stored before.
     */
    private static Map<String, Set<String>> ownRecords(ZipFile zip, List<FilePlan> plans) {
        Map<String, Set<String>> byEntity = new HashMap<>();
        for (FilePlan plan : plans) {
            Integer id = plan.header().known().get("sourcedId");
            if (id == null) {
                continue;
            }
            Set<String> ids = byEntity.computeIfAbsent(plan.file().entity(), e -> new HashSet<>());
            try (CsvRows rows = new CsvRows(zip.getInputStream(plan.entry()))) {
                rows.next(); // the header
                for (int n = 0; n < CHUNK && rows.hasNext(); n++) {
                    String value = cell(rows.next(), id);
                    if (!value.isEmpty()) {
                        ids.add(value);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byEntity;
    }

    /**
     * Counts what the bulk users file would deactivate in its scope, in a transaction of its own
     * that only fills the temporary table of listed sourcedIds (dropped at commit).
     */
    private ImportReport.MassDeactivation massDeactivation(ZipFile zip, FilePlan users, RosterFeed feed,
                                                           Options options) {
        lock();
        records.startFile();
        Integer idColumn = users.header().known().get("sourcedId");
        try (CsvRows rows = new CsvRows(zip.getInputStream(users.entry()))) {
            rows.next(); // the header
            List<String> chunk = new ArrayList<>(CHUNK);
            while (rows.hasNext()) {
                List<String> values = rows.next();
                if (idColumn != null && idColumn < values.size() && !values.get(idColumn).isBlank()) {
                    chunk.add(values.get(idColumn).trim());
                }
                if (chunk.size() == CHUNK) {
                    records.seen(chunk);
                    chunk.clear();
                }
            }
            records.seen(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RosterRecordRepository.PeopleInScope people = records.peopleInScope(feed);
        return new ImportReport.MassDeactivation(people.activeStudents(), people.unlistedStudents(),
                people.activeStaff(), people.unlistedStaff(), massDeactivationThreshold,
                options.confirmMassDeactivation());
    }

    private static RowIssue duplicateIssue(String name, long line, String sourcedId) {
        return new RowIssue(name, line, "sourcedId", "sourcedId " + sourcedId
                + " appears more than once in this file; only its first row was applied");
    }

    /**
     * Checks the references of active rows, a chunk at a time (one query per referenced file).
     * References into other files run before the rows apply and, where they make the row
     * meaningless, reject it; references within the same file (a parent org or session) run after,
     * so a parent listed later in the chunk is found, and only warn.
     */
    private void checkReferences(RosterFile file, List<RosterRecordRow> rows, Map<Long, List<RowIssue>> rejected,
                                 ImportReport report, RosterFeed feed, boolean sameFile) {
        String name = file.fileName() + ".csv";
        for (RosterReference ref : RosterReference.of(file)) {
            if (ref.withinFile(file) != sameFile) {
                continue;
            }
            Set<String> targets = new HashSet<>();
            for (RosterRecordRow row : rows) {
                if (RosterRecord.ACTIVE.equals(row.record().status())) {
                    targets.addAll(ref.values(row.record()));
                }
            }
            Set<String> active = records.active(feed.district(), ref.target().entity(), targets);
            for (RosterRecordRow row : rows) {
                if (!RosterRecord.ACTIVE.equals(row.record().status())) {
                    continue;
                }
                for (String target : ref.values(row.record())) {
                    if (active.contains(target)) {
                        continue;
                    }
                    RowIssue issue = new RowIssue(name, row.line(), ref.column(), ref.column() + " " + target
                            + " is not an active " + ref.target().fileName() + " record"
                            + (ref.rejectsRow() ? "" : " (row applied)"));
                    if (ref.rejectsRow()) {
                        rejected.computeIfAbsent(row.line(), l -> new ArrayList<>()).add(issue);
                    } else {
                        report.warning(issue);
                    }
                }
            }
        }
    }

    private void save(ImportReport report) {
        completions.completed(report); // RosterImportCompleted with the report, in its transaction
        em.createNativeQuery("insert into roster_import (id, received_at, dry_run, version, outcome, source, district,"
                        + " report) values (:id, :at, :dryRun, :version, :outcome, :source, cast(nullif(:district, '') as uuid),"
                        + " cast(:report as jsonb))")
                .setParameter("source", report.source)
                .setParameter("district", report.district == null ? "" : report.district.toString())
                .setParameter("id", report.id)
                .setParameter("at", report.receivedAt)
                .setParameter("dryRun", report.dryRun)
                .setParameter("version", report.version)
                .setParameter("outcome", report.outcome.name())
                .setParameter("report", toJson(report))
                .executeUpdate();
    }

    private static RosterVersion detectVersion(ZipFile zip, Map<String, ZipEntry> entries) throws IOException {
        if (entries.containsKey("roles")) {
            return RosterVersion.V1_2;
        }
        ZipEntry users = entries.get("users");
        if (users != null) {
            List<String> header = readHeader(zip, users).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("role") && (header.contains("usermasteridentifier") || header.contains("primaryorgsourcedid"))) {
                return RosterVersion.V1_2;
            }
        }
        return RosterVersion.V1_1;
    }

    private static RosterManifest readManifest(ZipFile zip, ZipEntry entry) throws IOException {
        try (CsvRows rows = new CsvRows(zip.getInputStream(entry))) {
            List<String> header = rows.hasNext() ? rows.next() : List.of();
            List<List<String>> body = new ArrayList<>();
            rows.forEachRemaining(body::add);
            return RosterManifest.parse(header, body);
        }
    }

    private static List<String> readHeader(ZipFile zip, ZipEntry entry) throws IOException {
        try (CsvRows rows = new CsvRows(zip.getInputStream(entry))) {
            return rows.hasNext() ? rows.next() : List.of();
        }
    }

    /** Entries by lower-case file name without .csv; a zip with everything in one folder works too. */
    private static Map<String, ZipEntry> index(ZipFile zip) {
        Map<String, ZipEntry> byName = new HashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            String name = entry.getName();
            name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (!entry.isDirectory() && name.endsWith(".csv") && !entry.getName().startsWith("__MACOSX")) {
                byName.putIfAbsent(name.substring(0, name.length() - 4), entry);
            }
        }
        return byName;
    }

    private static ZipFile open(Path path) {
        try {
            return new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw rejected("The upload is not a zip file; a OneRoster CSV export is a zip of CSV files.", List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException rejected(String detail, List<Problem.Violation> violations) {
        return new ProblemException(ProblemType.INVALID_ROSTER, detail, violations);
    }

    private static Problem.Violation violation(RowIssue issue) {
        return new Problem.Violation(issue.file() + (issue.line() == null ? "" : ":" + issue.line()), issue.message());
    }

    private String toJson(ImportReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
