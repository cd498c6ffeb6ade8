package org.iepservices.student.service.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.iepservices.problem.Problem;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.domain.roster.ImportMode;
import org.iepservices.student.domain.roster.ImportReport;
import org.iepservices.student.domain.roster.RosterFile;
import org.iepservices.student.domain.roster.RosterHeader;
import org.iepservices.student.domain.roster.RosterManifest;
import org.iepservices.student.domain.roster.RosterRecord;
import org.iepservices.student.domain.roster.RosterRowReader;
import org.iepservices.student.domain.roster.RosterVersion;
import org.iepservices.student.domain.roster.RowIssue;
import org.iepservices.student.repository.RosterRecordRepository;
import org.iepservices.student.repository.RosterRecordRepository.Change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Imports a OneRoster CSV zip (1.1 or 1.2, bulk or delta per file). First the whole zip is checked
 * for structural problems (no manifest, unsupported version, missing files or required columns);
 * any of those rejects the import before anything is written. Then each file is applied in its own
 * transaction, in reference order, row by row: a bad row is reported and skipped, the others apply.
 * A dry run does the same work in one transaction and rolls it back.
 */
@ApplicationScoped
public class RosterImportService {

    /** Rows between persistence-context flushes, so a large file does not pile up managed entities. */
    private static final int FLUSH_EVERY = 500;

    private record Reference(String column, RosterFile target, boolean rejectsRow) {
    }

    /** Dangling references that make a row meaningless reject it; others are reported only (real SIS exports have them). */
    private static final Map<RosterFile, List<Reference>> REFERENCES = Map.of(
            RosterFile.ENROLLMENTS, List.of(new Reference("classSourcedId", RosterFile.CLASSES, true),
                    new Reference("userSourcedId", RosterFile.USERS, true),
                    new Reference("schoolSourcedId", RosterFile.ORGS, false)),
            RosterFile.ROLES, List.of(new Reference("userSourcedId", RosterFile.USERS, true),
                    new Reference("orgSourcedId", RosterFile.ORGS, true)),
            RosterFile.CLASSES, List.of(new Reference("courseSourcedId", RosterFile.COURSES, false),
                    new Reference("schoolSourcedId", RosterFile.ORGS, false),
                    new Reference("termSourcedIds", RosterFile.ACADEMIC_SESSIONS, false)),
            RosterFile.COURSES, List.of(new Reference("orgSourcedId", RosterFile.ORGS, false)),
            RosterFile.USERS, List.of(new Reference("orgSourcedIds", RosterFile.ORGS, false)));

    private record FilePlan(RosterFile file, ImportMode mode, ZipEntry entry, RosterHeader header) {
    }

    private final RosterRecordRepository records;
    private final RosterProjection projection;
    private final EntityManager em;
    private final ObjectMapper mapper;

    RosterImportService(RosterRecordRepository records, RosterProjection projection, EntityManager em,
                        ObjectMapper mapper) {
        this.records = records;
        this.projection = projection;
        this.em = em;
        this.mapper = mapper;
    }

    public ImportReport importZip(Path zipPath, boolean dryRun) {
        try (ZipFile zip = open(zipPath)) {
            Map<String, ZipEntry> entries = index(zip);
            ImportReport report = new ImportReport();
            report.id = UUID.randomUUID();
            report.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
            report.dryRun = dryRun;
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
                    if (entry != null) {
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

            if (dryRun) {
                QuarkusTransaction.begin();
                try {
                    plans.forEach(plan -> apply(zip, plan, version, report));
                } finally {
                    QuarkusTransaction.rollback();
                }
                report.outcome = ImportReport.Outcome.VALIDATED;
            } else {
                for (FilePlan plan : plans) {
                    QuarkusTransaction.requiringNew().run(() -> apply(zip, plan, version, report));
                }
                report.outcome = ImportReport.Outcome.APPLIED;
            }
            QuarkusTransaction.requiringNew().run(() -> save(report));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private void apply(ZipFile zip, FilePlan plan, RosterVersion version, ImportReport report) {
        ImportReport.FileCounts counts = report.file(plan.file());
        RosterRowReader reader = new RosterRowReader(plan.header(), version, plan.mode());
        String name = plan.file().fileName() + ".csv";
        UUID importId = report.id;
        try (CsvRows rows = new CsvRows(zip.getInputStream(plan.entry()))) {
            rows.next(); // the header, already checked
            while (rows.hasNext()) {
                List<String> values = rows.next();
                long line = rows.line();
                counts.rows++;
                RosterRowReader.Result result = reader.read(line, values);
                result.warnings().forEach(report::warning);
                List<RowIssue> errors = new ArrayList<>(result.errors());
                RosterRecord record = result.record();
                if (record != null) {
                    errors.addAll(checkReferences(record, line, report));
                }
                if (!errors.isEmpty()) {
                    counts.rejected++;
                    errors.forEach(report::error);
                    Integer idColumn = plan.header().known().get("sourcedId");
                    if (idColumn != null && idColumn < values.size() && !values.get(idColumn).isBlank()) {
                        records.markSeen(plan.file().entity(), values.get(idColumn).trim(), importId);
                    }
                    continue;
                }
                Change change = records.upsert(record, importId);
                boolean deactivation = RosterRecord.TO_BE_DELETED.equals(record.status());
                switch (change) {
                    case INSERTED -> counts.inserted++;
                    case UPDATED -> {
                        if (deactivation) {
                            counts.deactivated++;
                        } else {
                            counts.updated++;
                        }
                    }
                    case UNCHANGED -> counts.unchanged++;
                    case DUPLICATE -> {
                        counts.rejected++;
                        report.error(new RowIssue(name, line, "sourcedId", "sourcedId " + record.sourcedId()
                                + " appears more than once in this file; only its first row was applied"));
                    }
                }
                if (change == Change.INSERTED || change == Change.UPDATED) {
                    project(record, line, report);
                }
                if (counts.rows % FLUSH_EVERY == 0) {
                    em.flush();
                    em.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (plan.mode() == ImportMode.BULK) {
            List<String> gone = records.deactivateUnseen(plan.file().entity(), importId);
            counts.deactivated = gone.size();
            for (String sourcedId : gone) {
                if (plan.file() == RosterFile.USERS) {
                    projection.student(sourcedId);
                } else if (plan.file() == RosterFile.ROLES) {
                    records.find("roles", sourcedId).ifPresent(role -> projection.student(role.field("userSourcedId")));
                }
            }
        }
        em.flush();
        em.clear();
    }

    private void project(RosterRecord record, long line, ImportReport report) {
        String name = record.file().fileName() + ".csv";
        Optional<String> problem = switch (record.file()) {
            case ORGS -> {
                projection.school(record);
                yield Optional.empty();
            }
            case USERS, DEMOGRAPHICS -> projection.student(record.sourcedId());
            case ROLES -> projection.student(record.field("userSourcedId"));
            default -> Optional.empty();
        };
        problem.ifPresent(p -> report.warning(new RowIssue(name, line, null, p)));
    }

    private List<RowIssue> checkReferences(RosterRecord record, long line, ImportReport report) {
        List<RowIssue> errors = new ArrayList<>();
        if (!RosterRecord.ACTIVE.equals(record.status())) {
            return errors;
        }
        String name = record.file().fileName() + ".csv";
        for (Reference ref : REFERENCES.getOrDefault(record.file(), List.of())) {
            for (String target : record.values(ref.column())) {
                if (records.isActive(ref.target().entity(), target)) {
                    continue;
                }
                RowIssue issue = new RowIssue(name, line, ref.column(), ref.column() + " " + target + " is not an active "
                        + ref.target().fileName() + " record" + (ref.rejectsRow() ? "" : " (row applied)"));
                if (ref.rejectsRow()) {
                    errors.add(issue);
                } else {
                    report.warning(issue);
                }
            }
        }
        return errors;
    }

    private void save(ImportReport report) {
        em.createNativeQuery("insert into roster_import (id, received_at, dry_run, version, outcome, report)"
                        + " values (:id, :at, :dryRun, :version, :outcome, cast(:report as jsonb))")
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
