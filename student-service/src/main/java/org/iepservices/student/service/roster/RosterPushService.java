package org.iepservices.student.service.roster;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iepservices.problem.Problem.Violation;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.student.domain.roster.ImportMode;
import org.iepservices.student.domain.roster.OneRosterJson;
import org.iepservices.student.domain.roster.RosterFeed;
import org.iepservices.student.domain.roster.RosterFile;
import org.iepservices.student.domain.roster.RosterHeader;
import org.iepservices.student.domain.roster.RosterRecord;
import org.iepservices.student.domain.roster.RosterReference;
import org.iepservices.student.domain.roster.RosterRowReader;
import org.iepservices.student.domain.roster.RosterVersion;
import org.iepservices.student.domain.roster.RowIssue;
import org.iepservices.student.repository.RosterRecordRepository;
import org.iepservices.student.repository.RosterRecordRepository.Change;
import org.iepservices.student.repository.RosterRecordRepository.Stored;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The push API: a vendor that syncs record by record PUTs one OneRoster record (JSON) or DELETEs
 * it. A pushed record goes through the same checks as a CSV row (required fields, ISO dates,
 * enumerations, references), is stored the same way and projected the same way, so a record is
 * the same whether it came by file or by push. Every violation is reported at once (422) and
 * nothing is written; the same body twice changes nothing the second time.
 */
@ApplicationScoped
public class RosterPushService {

    /** What a push did. {@code change} is UNCHANGED when the record (and a user's roles) were already so. */
    public record Result(String entity, String sourcedId, String status, Change change, List<String> warnings) {
    }

    private final RosterRecordRepository records;
    private final RosterProjection projection;
    private final RosterDistricts districts;
    private final EntityManager em;
    private final ZoneId zone;

    RosterPushService(RosterRecordRepository records, RosterProjection projection, RosterDistricts districts,
                      EntityManager em, @ConfigProperty(name = "district.time-zone") ZoneId zone) {
        this.records = records;
        this.districts = districts;
        this.projection = projection;
        this.em = em;
        this.zone = zone;
    }

    /**
     * @param claimedDistrict   the caller's district_id claim, or null
     * @param requestedDistrict the districtId parameter, or null
     */
    @Transactional
    public Result upsert(RosterFile file, String sourcedId, JsonNode body, String source, UUID claimedDistrict,
                         UUID requestedDistrict) {
        OneRosterJson.Read read = OneRosterJson.read(file, body).orElseThrow(() -> ProblemException.invalid("body",
                "must be a JSON object: the " + OneRosterJson.singular(file) + ", or {\"" + OneRosterJson.singular(file)
                        + "\": {...}}"));
        List<Violation> violations = new ArrayList<>();
        read.errors().forEach((path, message) -> violations.add(new Violation(path, message)));
        Map<String, String> columns = new LinkedHashMap<>(read.columns());
        String bodyId = columns.get("sourcedId");
        if (bodyId != null && !bodyId.equals(sourcedId)) {
            violations.add(new Violation(read.path("sourcedId"), "is " + bodyId + " but the URL says " + sourcedId));
        }
        columns.put("sourcedId", sourcedId);
        columns.putIfAbsent("status", RosterRecord.ACTIVE);
        columns.putIfAbsent("dateLastModified", OffsetDateTime.now(ZoneOffset.UTC).toString());

        RosterVersion version = RosterVersion.V1_2;
        if (file == RosterFile.USERS) {
            if (read.hasRoles()) {
                columns.remove("role"); // the 1.2 roles array says it all
                columns.remove("orgSourcedIds");
                if (read.roles().isEmpty()) {
                    violations.add(new Violation(read.prefix() + "roles", "at least one role is required"));
                }
            } else if (columns.containsKey("role") || columns.containsKey("orgSourcedIds")) {
                version = RosterVersion.V1_1; // the 1.1 shape: role and orgs on the user
            } else {
                violations.add(new Violation(read.prefix() + "roles",
                        "required: the user's roles (1.2) or role and orgs (1.1)"));
            }
        }
        RosterRecord record = validate(file, version, columns, read.extensions(), read::path, violations);
        List<RosterRecord> roles = file == RosterFile.USERS && read.hasRoles()
                ? roles(sourcedId, read.roles(), violations) : List.of();

        // The district first: every reference is looked up, and the record keyed, within it.
        Map<String, List<String>> pointsAt = new LinkedHashMap<>();
        List<String> orgs = new ArrayList<>(record == null ? List.of() : file == RosterFile.ORGS
                ? record.values("parentSourcedId") : RosterReference.orgsOf(record));
        roles.forEach(role -> orgs.addAll(role.values("orgSourcedId")));
        pointsAt.put("orgs", orgs);
        if (file == RosterFile.DEMOGRAPHICS) {
            pointsAt.put("users", List.of(sourcedId)); // a user's demographics share its sourcedId
        }
        UUID district = districts.forPush(claimedDistrict, requestedDistrict, file.entity(), sourcedId, pointsAt,
                file == RosterFile.ORGS && record != null && "district".equals(record.field("type")));
        RosterFeed feed = RosterFeed.push(source, district);

        List<String> warnings = new ArrayList<>();
        if (record != null) {
            references(record, read::path, violations, warnings, district);
        }
        for (int i = 0; i < roles.size(); i++) {
            String path = read.roles().get(i).path();
            references(roles.get(i), column -> path + ("orgSourcedId".equals(column) ? ".org.sourcedId" : "." + column),
                    violations, warnings, district);
        }
        if (!violations.isEmpty()) {
            throw invalid(file, violations);
        }

        lock();
        Change change = records.apply(file.entity(), List.of(record), null, feed).get(0);
        if (file == RosterFile.USERS && read.hasRoles()) {
            change = replaceRoles(sourcedId, roles, change, feed);
        }
        if (change != Change.UNCHANGED) {
            projection.project(file, List.of(sourcedId), context(district, "the push API set it tobedeleted",
                    warnings));
        }
        return new Result(file.entity(), sourcedId, record.status(), change, warnings);
    }

    private static ProblemException invalid(RosterFile file, List<Violation> violations) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The " + OneRosterJson.singular(file)
                + " was not stored: " + violations.size() + " field(s) are invalid", violations);
    }

    /** Deactivates the record (status tobedeleted, content kept); 404 when it was never stored. */
    @Transactional
    public Result delete(RosterFile file, String sourcedId, String source, UUID claimedDistrict,
                         UUID requestedDistrict) {
        UUID district = districts.forDelete(claimedDistrict, requestedDistrict, file.entity(), sourcedId);
        Stored stored = records.find(district, file.entity(), sourcedId).orElseThrow(() ->
                ProblemException.notFound("OneRoster " + OneRosterJson.singular(file), sourcedId));
        lock();
        RosterRecord record = new RosterRecord(file, sourcedId, RosterRecord.TO_BE_DELETED,
                OffsetDateTime.now(ZoneOffset.UTC), stored.fields(), stored.extensions());
        Change change = records.apply(file.entity(), List.of(record), null, RosterFeed.push(source, district)).get(0);
        List<String> warnings = new ArrayList<>();
        if (change != Change.UNCHANGED) {
            projection.project(file, List.of(sourcedId), context(district, "deleted through the roster push API",
                    warnings));
        }
        return new Result(file.entity(), sourcedId, record.status(), change, warnings);
    }

    /** Pushes wait for a running import file (and each other): both write the same projections. */
    private void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)")
                .setParameter("key", RosterImportService.IMPORT_LOCK_KEY).getSingleResult();
    }

    private ProjectionContext context(UUID district, String reason, List<String> warnings) {
        return new ProjectionContext(district, reason, zone, (id, message) -> warnings.add(id + ": " + message));
    }

    /** Runs the CSV row checks on the record; null (and violations) when it breaks them. */
    private static RosterRecord validate(RosterFile file, RosterVersion version, Map<String, String> columns,
                                         Map<String, String> extensions, java.util.function.Function<String, String> path,
                                         List<Violation> violations) {
        List<String> header = new ArrayList<>(file.columns());
        List<String> values = new ArrayList<>();
        for (String column : file.columns()) {
            values.add(columns.getOrDefault(column, ""));
        }
        extensions.forEach((name, value) -> {
            header.add(name);
            values.add(value);
        });
        RosterRowReader.Result result = new RosterRowReader(RosterHeader.of(file, version, header), version,
                ImportMode.DELTA).read(1, values);
        for (RowIssue issue : result.errors()) {
            violations.add(new Violation(path.apply(issue.column()), issue.message()));
        }
        return result.record();
    }

    private static List<RosterRecord> roles(String user, List<OneRosterJson.Role> roles, List<Violation> violations) {
        List<RosterRecord> records = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (OneRosterJson.Role role : roles) {
            String id = user + "/" + role.orgSourcedId() + "/" + role.role();
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("sourcedId", id);
            columns.put("status", RosterRecord.ACTIVE);
            columns.put("dateLastModified", OffsetDateTime.now(ZoneOffset.UTC).toString());
            columns.put("userSourcedId", user);
            columns.put("roleType", role.roleType());
            columns.put("role", role.role());
            columns.put("orgSourcedId", role.orgSourcedId());
            columns.put("beginDate", role.beginDate());
            columns.put("endDate", role.endDate());
            RosterRecord record = validate(RosterFile.ROLES, RosterVersion.V1_2, columns, Map.of(),
                    column -> role.path() + "." + ("orgSourcedId".equals(column) ? "org.sourcedId" : column), violations);
            if (record != null && !ids.add(id)) {
                violations.add(new Violation(role.path(), "the user holds role " + role.role() + " at org "
                        + role.orgSourcedId() + " twice"));
            } else if (record != null) {
                records.add(record);
            }
        }
        return records;
    }

    private void references(RosterRecord record, java.util.function.Function<String, String> path,
                            List<Violation> violations, List<String> warnings, UUID district) {
        if (!RosterRecord.ACTIVE.equals(record.status())) {
            return;
        }
        for (RosterReference ref : RosterReference.of(record.file())) {
            if (record.file() == RosterFile.ROLES && ref.column().equals("userSourcedId")) {
                continue; // the user being pushed
            }
            for (String target : ref.values(record)) {
                if (ref.withinFile(record.file()) && target.equals(record.sourcedId())) {
                    continue;
                }
                if (!records.active(district, ref.target().entity(), List.of(target)).isEmpty()) {
                    continue;
                }
                String message = "no active " + ref.target().fileName() + " record " + target;
                if (ref.rejectsRow()) {
                    violations.add(new Violation(path.apply(ref.column()), message));
                } else {
                    warnings.add(path.apply(ref.column()) + ": " + message + " (stored anyway)");
                }
            }
        }
    }

    /**
     * A pushed user's roles replace the ones stored: the pushed ones are upserted, any other active
     * role of the user is deactivated.
     */
    private Change replaceRoles(String user, List<RosterRecord> roles, Change userChange, RosterFeed feed) {
        List<Change> changes = new ArrayList<>(records.apply(RosterFile.ROLES.entity(), roles, null, feed));
        Set<String> kept = new HashSet<>();
        roles.forEach(r -> kept.add(r.sourcedId()));
        List<RosterRecord> dropped = new ArrayList<>();
        for (Stored role : records.rolesOf(feed.district(), List.of(user)).getOrDefault(user, List.of())) {
            if (role.active() && !kept.contains(role.sourcedId())) {
                dropped.add(new RosterRecord(RosterFile.ROLES, role.sourcedId(), RosterRecord.TO_BE_DELETED,
                        OffsetDateTime.now(ZoneOffset.UTC), role.fields(), role.extensions()));
            }
        }
        changes.addAll(records.apply(RosterFile.ROLES.entity(), dropped, null, feed));
        if (userChange == Change.UNCHANGED && changes.stream().anyMatch(c -> c != Change.UNCHANGED)) {
            return Change.UPDATED;
        }
        return userChange;
    }
}
