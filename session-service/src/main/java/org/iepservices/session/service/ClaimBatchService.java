package org.iepservices.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.iepservices.problem.ProblemException;
import org.iepservices.problem.ProblemType;
import org.iepservices.session.domain.SessionAddendum;
import org.iepservices.session.domain.SessionLog;
import org.iepservices.session.domain.medicaid.BilledClaim;
import org.iepservices.session.domain.medicaid.ClaimBatch;
import org.iepservices.session.domain.medicaid.ClaimBatchLine;
import org.iepservices.session.domain.medicaid.ClaimBatchLine.Kind;
import org.iepservices.session.domain.medicaid.ClaimLine;
import org.iepservices.session.domain.medicaid.ExportedClaim;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Claim exports as batches. A batch takes every billable line of its period not exported yet, plus
 * the corrections of exported lines: a line whose session got an addendum after its export, and
 * whose billed content changed, is voided and (when still billable) replaced. An exported line is
 * never changed in place, and a batch once written is never rewritten: its file is stored as bytes.
 * A district's batches are made one at a time (an advisory lock), so no line is exported twice.
 */
@ApplicationScoped
public class ClaimBatchService {

    /** Identifies a claim: one student's part in one session. */
    record ClaimKey(UUID sessionLogId, UUID studentId) {
    }

    private final ClaimService claims;
    private final CallerAccess access;
    private final ObjectMapper mapper;

    ClaimBatchService(ClaimService claims, CallerAccess access, ObjectMapper mapper) {
        this.claims = claims;
        this.access = access;
        this.mapper = mapper;
    }

    @Transactional
    public ClaimBatch create(LocalDate from, LocalDate to) {
        UUID district = access.actor().districtId();
        lock(district);
        Map<UUID, ClaimBatch> batches = batchesOf(district).stream()
                .collect(Collectors.toMap(b -> b.id, b -> b, (a, b) -> a, LinkedHashMap::new));
        Map<ClaimKey, ClaimBatchLine> latest = latestExported(batches);

        List<ClaimLine> inPeriod = claims.claims(from, to, null);
        Map<ClaimKey, ClaimLine> current = new HashMap<>();
        inPeriod.forEach(l -> current.put(key(l), l));
        Set<ClaimKey> amended = amendedSinceExport(latest, batches);
        claims.claimsOfLogs(amended.stream().map(ClaimKey::sessionLogId).collect(Collectors.toSet()))
                .forEach(l -> current.put(key(l), l));

        List<Pending> pending = new ArrayList<>();
        for (ClaimKey key : amended) {
            ClaimBatchLine exported = latest.get(key);
            ClaimLine now = current.get(key);
            BilledClaim billed = now != null && now.billable() ? BilledClaim.of(now) : null;
            if (billed != null && billed.fingerprint().equals(exported.fingerprint)) {
                continue; // the addendum changed nothing that was billed (a note, goal data)
            }
            BilledClaim before = read(exported.content);
            pending.add(new Pending(Kind.VOID, exported.id, before));
            if (billed != null) {
                pending.add(new Pending(Kind.REPLACEMENT, exported.id, billed));
            }
        }
        for (ClaimLine line : inPeriod) {
            ClaimBatchLine exported = latest.get(key(line));
            boolean alreadyBilled = exported != null && exported.kind != Kind.VOID;
            if (line.billable() && !alreadyBilled) {
                pending.add(new Pending(Kind.ORIGINAL, null, BilledClaim.of(line)));
            }
        }
        if (pending.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Nothing to export: no billable line from " + from
                    + " to " + to + " is left unexported, and no exported line was corrected since its export");
        }
        pending.sort(Pending.ORDER);
        return write(district, from, to, pending);
    }

    public List<ClaimBatch> list() {
        return batchesOf(access.actor().districtId());
    }

    /** The batch if the caller's district made it; otherwise the same 404 as one that does not exist. */
    public ClaimBatch get(UUID id) {
        ClaimBatch batch = ClaimBatch.findById(id);
        UUID district = access.actor().districtId();
        if (batch == null || district != null && !district.equals(batch.districtId)) {
            throw ProblemException.notFound("Claim batch", id);
        }
        return batch;
    }

    public List<ExportedClaim> lines(ClaimBatch batch) {
        List<ClaimBatchLine> rows = ClaimBatchLine.list("batchId = ?1 order by lineNo", batch.id);
        return rows.stream().map(r -> new ExportedClaim(r.id, r.lineNo, r.kind, r.replacesLineId, read(r.content)))
                .toList();
    }

    private ClaimBatch write(UUID district, LocalDate from, LocalDate to, List<Pending> pending) {
        ClaimBatch batch = new ClaimBatch();
        batch.id = UUID.randomUUID();
        batch.districtId = district;
        batch.periodFrom = from;
        batch.periodTo = to;
        batch.state = ClaimBatch.State.EXPORTED;
        batch.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        batch.createdBy = Optional.ofNullable(access.actor().name()).orElse(access.actor().subject());
        batch.lineCount = pending.size();
        batch.fileName = "medicaid-claims-" + from + "-" + to + "-" + batch.id.toString().substring(0, 8) + ".csv";
        List<ExportedClaim> exported = new ArrayList<>();
        List<ClaimBatchLine> rows = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            ClaimBatchLine row = new ClaimBatchLine();
            row.id = UUID.randomUUID();
            row.batchId = batch.id;
            row.lineNo = i + 1;
            row.kind = p.kind();
            row.sessionLogId = p.claim().sessionLogId();
            row.studentId = p.claim().studentId();
            row.replacesLineId = p.replaces();
            row.fingerprint = p.claim().fingerprint();
            row.content = json(p.claim());
            rows.add(row);
            exported.add(new ExportedClaim(row.id, row.lineNo, row.kind, row.replacesLineId, p.claim()));
        }
        batch.fileContent = ClaimBatchFile.csv(exported);
        batch.fileSha256 = sha256(batch.fileContent);
        batch.persist();
        ClaimBatch.flush(); // the lines reference the batch
        rows.forEach(r -> r.persist());
        return batch;
    }

    /** The latest exported line of each claim (what the payer holds now), oldest batch first. */
    private static Map<ClaimKey, ClaimBatchLine> latestExported(Map<UUID, ClaimBatch> batches) {
        Map<ClaimKey, ClaimBatchLine> latest = new HashMap<>();
        if (batches.isEmpty()) {
            return latest;
        }
        List<ClaimBatchLine> lines = ClaimBatchLine.list("batchId in ?1", batches.keySet());
        Map<UUID, Integer> order = new HashMap<>();
        int i = 0;
        for (UUID id : batches.keySet()) {
            order.put(id, i++);
        }
        lines.sort(Comparator.comparing((ClaimBatchLine l) -> order.get(l.batchId)).thenComparing(l -> l.lineNo));
        lines.forEach(l -> latest.put(new ClaimKey(l.sessionLogId, l.studentId), l));
        return latest;
    }

    /** Claims billed now whose session has an addendum touching the student written after that export. */
    private static Set<ClaimKey> amendedSinceExport(Map<ClaimKey, ClaimBatchLine> latest,
                                                    Map<UUID, ClaimBatch> batches) {
        Set<UUID> sessions = latest.entrySet().stream().filter(e -> e.getValue().kind != Kind.VOID)
                .map(e -> e.getKey().sessionLogId()).collect(Collectors.toSet());
        if (sessions.isEmpty()) {
            return Set.of();
        }
        List<SessionAddendum> addenda = SessionAddendum.list("sessionLogId in ?1", sessions);
        Set<ClaimKey> amended = new java.util.TreeSet<>(Comparator.comparing((ClaimKey k) -> k.sessionLogId())
                .thenComparing(ClaimKey::studentId));
        for (SessionAddendum a : addenda) {
            for (SessionAddendum.Change change : a.changes) {
                ClaimKey key = new ClaimKey(a.sessionLogId, change.studentId());
                ClaimBatchLine exported = latest.get(key);
                if (exported != null && exported.kind != Kind.VOID
                        && a.createdAt.isAfter(batches.get(exported.batchId).createdAt)) {
                    amended.add(key);
                }
            }
        }
        return amended;
    }

    private static List<ClaimBatch> batchesOf(UUID district) {
        return district == null ? ClaimBatch.list("order by createdAt, id")
                : ClaimBatch.list("districtId = ?1 order by createdAt, id", district);
    }

    /** One batch at a time per district: two concurrent exports must not both take the same lines. */
    private static void lock(UUID district) {
        long key = district == null ? 0x6d656469636169L
                : district.getMostSignificantBits() ^ district.getLeastSignificantBits();
        SessionLog.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l")
                .setParameter(1, key).getSingleResult();
    }

    private static ClaimKey key(ClaimLine line) {
        return new ClaimKey(line.facts().sessionLogId(), line.facts().studentId());
    }

    private String json(BilledClaim claim) {
        try {
            return mapper.writeValueAsString(claim);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BilledClaim read(String content) {
        try {
            return mapper.readValue(content, BilledClaim.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable exported claim line", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line about to be written: voids and replacements next to the session they correct. */
    private record Pending(Kind kind, UUID replaces, BilledClaim claim) {
        static final Comparator<Pending> ORDER = Comparator
                .comparing((Pending p) -> p.claim().serviceDate())
                .thenComparing(p -> p.claim().startTime(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(p -> p.claim().sessionLogId())
                .thenComparing(p -> p.claim().studentId())
                .thenComparing(p -> p.kind().ordinal());
    }
}
