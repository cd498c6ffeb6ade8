package org.iepservices.reporting.edfi.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.access.AccessAudit;
import org.iepservices.problem.ProblemException;
import org.iepservices.reporting.edfi.config.EdFiOdsConfig;
import org.iepservices.reporting.edfi.mapping.EdFi;
import org.iepservices.reporting.projection.Sql;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pushes of a district's Ed-Fi records to its ODS/API: a run row ({@code edfi_push}), then, on one
 * background thread, every record of the four resources in dependency order (StudentIEP first, so the
 * others' references resolve), page by page, each upserted by {@link OdsClient}. Counts are written
 * after each page, so the status resource shows progress; every refused record is kept in
 * {@code edfi_push_failure} with the ODS's message. A run is DONE when every record was tried (whether
 * or not some were refused), FAILED only when it could not go on (the error says why).
 */
@ApplicationScoped
public class EdFiPushes {

    private static final Logger LOG = Logger.getLogger(EdFiPushes.class);
    private static final int PAGE = 200;
    /** Failures kept per run: enough to act on, bounded when an ODS refuses everything. */
    static final int MAX_FAILURES_KEPT = 1000;

    @Schema(name = "EdFiPushState")
    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Schema(name = "EdFiPushCounts")
    public record Counts(int sent, int failed) {
        Counts plus(boolean ok) {
            return ok ? new Counts(sent + 1, failed) : new Counts(sent, failed + 1);
        }
    }

    @Schema(name = "EdFiPushFailure")
    public record Failure(String resource, Map<String, String> record, Integer httpStatus, String message,
                          int attempts) {
    }

    public record Run(UUID pushId, UUID districtId, LocalDate from, LocalDate to, Status status, String requestedBy,
                      OffsetDateTime requestedAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                      Map<String, Counts> resources, String error) {
        public int sent() {
            return resources.values().stream().mapToInt(Counts::sent).sum();
        }

        public int failed() {
            return resources.values().stream().mapToInt(Counts::failed).sum();
        }
    }

    private final Sql sql;
    private final EdFiRecords records;
    private final OdsClient ods;
    private final EdFiOdsConfig config;
    private final ObjectMapper mapper;
    private final AccessAudit audit;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "edfi-push");
        t.setDaemon(true);
        return t;
    });

    EdFiPushes(Sql sql, EdFiRecords records, OdsClient ods, EdFiOdsConfig config, ObjectMapper mapper,
               AccessAudit audit) {
        this.sql = sql;
        this.records = records;
        this.ods = ods;
        this.config = config;
        this.mapper = mapper;
        this.audit = audit;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /**
     * Records a push (QUEUED) and the access it is: an EXPORT of every student whose records it will
     * send. {@link #launch} starts it once this transaction committed.
     */
    @Transactional
    public Run request(UUID districtId, LocalDate from, LocalDate to, String requestedBy) {
        if (!config.enabled() || config.baseUrl().isEmpty() || config.tokenUrl().isEmpty()) {
            throw ProblemException.conflict("Ed-Fi pushes are off in this deployment: set edfi.ods.enabled=true, "
                    + "edfi.ods.base-url, edfi.ods.token-url, edfi.ods.client-id and edfi.ods.client-secret");
        }
        UUID id = UUID.randomUUID();
        sql.update("insert into edfi_push (push_id, district_id, from_date, to_date, status, requested_by, "
                        + "requested_at, counts) values (?, ?, ?, ?, ?, ?, now(), ?)", id, districtId, from, to,
                Status.QUEUED.name(), requestedBy, json(emptyCounts()));
        audit.record(AccessAudit.Action.EXPORT, "edfi-push", id, records.students(districtId, from, to));
        return find(districtId, id).orElseThrow();
    }

    public void launch(UUID pushId) {
        runner.submit(() -> run(pushId));
    }

    @Transactional
    public Optional<Run> find(UUID districtId, UUID pushId) {
        return sql.one("select * from edfi_push where push_id = ? and district_id = ?", this::toRun, pushId, districtId);
    }

    @Transactional
    public List<Run> list(UUID districtId, int limit) {
        return sql.list("select * from edfi_push where district_id = ? order by requested_at desc limit ?", this::toRun,
                districtId, limit);
    }

    @Transactional
    public List<Failure> failures(UUID pushId, int limit) {
        return sql.list("select * from edfi_push_failure where push_id = ? order by position limit ?",
                rs -> new Failure(rs.string("resource"), readMap(rs.string("record_key")),
                        rs.nullableInteger("http_status"), rs.string("message"), rs.integer("attempts")),
                pushId, limit);
    }

    private interface PageReader {
        EdFiRecords.Page<?> read(UUID district, LocalDate from, LocalDate to, int limit, int offset);
    }

    private void run(UUID pushId) {
        try {
            Run run = QuarkusTransaction.requiringNew().call(() -> {
                sql.update("update edfi_push set status = ?, started_at = now() where push_id = ?",
                        Status.RUNNING.name(), pushId);
                return sql.one("select * from edfi_push where push_id = ?", this::toRun, pushId).orElseThrow();
            });
            Map<String, Counts> counts = emptyCounts();
            int[] failuresKept = {0};
            Map<String, PageReader> readers = Map.of(EdFi.STUDENT_IEPS, records::studentIeps,
                    EdFi.PRESCRIPTIONS, records::prescriptions, EdFi.GOALS, records::goals,
                    EdFi.DELIVERIES, records::deliveries);
            for (String resource : EdFi.RESOURCES) {
                int offset = 0;
                while (true) {
                    int at = offset;
                    EdFiRecords.Page<?> page = QuarkusTransaction.requiringNew().call(() -> readers.get(resource)
                            .read(run.districtId(), run.from(), run.to(), PAGE, at));
                    List<Object[]> failures = new ArrayList<>();
                    for (Object record : page.items()) {
                        JsonNode body = mapper.valueToTree(record);
                        OdsClient.Outcome outcome = ods.upsert(resource, body);
                        counts.merge(resource, new Counts(0, 0), (a, b) -> a.plus(outcome.sent()));
                        if (!outcome.sent() && failuresKept[0] < MAX_FAILURES_KEPT) {
                            failures.add(new Object[]{pushId, failuresKept[0]++, resource, json(naturalKey(resource,
                                    body)), outcome.status() == 0 ? null : outcome.status(), outcome.message(),
                                    outcome.attempts()});
                        }
                    }
                    QuarkusTransaction.requiringNew().run(() -> {
                        sql.batch("insert into edfi_push_failure (push_id, position, resource, record_key, "
                                + "http_status, message, attempts) values (?, ?, ?, ?, ?, ?, ?)", failures);
                        sql.update("update edfi_push set counts = ? where push_id = ?", json(counts), pushId);
                    });
                    offset += page.items().size();
                    if (page.items().isEmpty() || offset >= page.total()) {
                        break;
                    }
                }
            }
            QuarkusTransaction.requiringNew().run(() -> sql.update(
                    "update edfi_push set status = ?, finished_at = now(), counts = ? where push_id = ?",
                    Status.DONE.name(), json(counts), pushId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Ed-Fi push %s failed", pushId);
            QuarkusTransaction.requiringNew().run(() -> sql.update(
                    "update edfi_push set status = ?, finished_at = now(), error = ? where push_id = ?",
                    Status.FAILED.name(), String.valueOf(e), pushId));
        }
    }

    /** The identity of a record as Ed-Fi states it, to find it again in the ODS or in our export. */
    static Map<String, String> naturalKey(String resource, JsonNode body) {
        Map<String, String> key = new LinkedHashMap<>();
        JsonNode iep = body.has("studentIEPReference") ? body.path("studentIEPReference") : null;
        if (iep == null) {
            key.put("studentIEPIdentifier", body.path("studentIEPIdentifier").asText());
            key.put("iepFinalizedDate", body.path("iepFinalizedDate").asText());
            key.put("educationOrganizationId", body.path("educationOrganizationReference").path("educationOrganizationId")
                    .asText());
            key.put("studentUniqueId", body.path("studentReference").path("studentUniqueId").asText());
            return key;
        }
        iep.fields().forEachRemaining(e -> key.put(e.getKey(), e.getValue().asText()));
        for (String field : switch (resource) {
            case EdFi.PRESCRIPTIONS -> List.of("servicePrescriptionDescriptor", "servicePrescriptionDate");
            case EdFi.DELIVERIES -> List.of("iepServiceDeliveryIdentifier", "serviceDeliveryDescriptor",
                    "serviceDeliveryDate");
            case EdFi.GOALS -> List.of("iepGoalIdentifier");
            default -> List.<String>of();
        }) {
            key.put(field, body.path(field).asText());
        }
        return key;
    }

    private Run toRun(Sql.Rs rs) throws java.sql.SQLException {
        Map<String, Counts> counts = emptyCounts();
        try {
            counts.putAll(mapper.readValue(rs.string("counts"), new TypeReference<Map<String, Counts>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Run(rs.uuid("push_id"), rs.uuid("district_id"), rs.date("from_date"), rs.date("to_date"),
                Status.valueOf(rs.string("status")), rs.string("requested_by"), utc(rs.timestamp("requested_at")),
                utc(rs.timestamp("started_at")), utc(rs.timestamp("finished_at")), counts, rs.string("error"));
    }

    private Map<String, String> readMap(String json) {
        try {
            return mapper.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Map<String, Counts> emptyCounts() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        EdFi.RESOURCES.forEach(r -> counts.put(r, new Counts(0, 0)));
        return counts;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
