package org.iepservices.student.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.iepservices.student.domain.roster.RosterRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The OneRoster records as received (table roster_record), written with plain SQL upserts. */
@ApplicationScoped
public class RosterRecordRepository {

    public enum Change { INSERTED, UPDATED, UNCHANGED, DUPLICATE }

    /** What is stored for one record. */
    public record Stored(String entity, String sourcedId, String status, Map<String, String> fields,
                         Map<String, String> extensions, OffsetDateTime dateLastModified) {
        public String field(String column) {
            return fields.getOrDefault(column, "");
        }
    }

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    // A record seen twice in one import is not touched the second time (no row comes back), so
    // duplicates are found without keeping every sourcedId of a file in memory.
    private static final String UPSERT = """
            insert into roster_record as r (entity, sourced_id, status, date_last_modified, fields, extensions,
                                            row_hash, first_import_id, last_change_import_id, last_seen_import_id,
                                            changed_at)
            values (:entity, :sourcedId, :status, :modified, cast(:fields as jsonb), cast(:extensions as jsonb),
                    :hash, :importId, :importId, :importId, now())
            on conflict (entity, sourced_id) do update set
                status = excluded.status,
                date_last_modified = excluded.date_last_modified,
                fields = excluded.fields,
                extensions = excluded.extensions,
                changed_at = case when r.row_hash = excluded.row_hash then r.changed_at else excluded.changed_at end,
                last_change_import_id = case when r.row_hash = excluded.row_hash then r.last_change_import_id
                                             else excluded.last_change_import_id end,
                row_hash = excluded.row_hash,
                last_seen_import_id = excluded.last_seen_import_id
            where r.last_seen_import_id is distinct from excluded.last_seen_import_id
            returning (xmax = 0), (last_change_import_id = :importId)
            """;

    private final EntityManager em;
    private final ObjectMapper mapper;

    RosterRecordRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public Change upsert(RosterRecord record, UUID importId) {
        String fields = json(new TreeMap<>(record.fields()));
        String extensions = json(new TreeMap<>(record.extensions()));
        List<?> result = em.createNativeQuery(UPSERT)
                .setParameter("entity", record.file().entity())
                .setParameter("sourcedId", record.sourcedId())
                .setParameter("status", record.status())
                .setParameter("modified", record.dateLastModified())
                .setParameter("fields", fields)
                .setParameter("extensions", extensions)
                .setParameter("hash", hash(record.status(), fields, extensions))
                .setParameter("importId", importId)
                .getResultList();
        if (result.isEmpty()) {
            return Change.DUPLICATE;
        }
        Object[] row = (Object[]) result.get(0);
        if (Boolean.TRUE.equals(row[0])) {
            return Change.INSERTED;
        }
        return Boolean.TRUE.equals(row[1]) ? Change.UPDATED : Change.UNCHANGED;
    }

    /** A rejected row still counts as present in a bulk file: a bad date must not deactivate the record. */
    public void markSeen(String entity, String sourcedId, UUID importId) {
        em.createNativeQuery("update roster_record set last_seen_import_id = :importId"
                        + " where entity = :entity and sourced_id = :sourcedId")
                .setParameter("importId", importId)
                .setParameter("entity", entity)
                .setParameter("sourcedId", sourcedId)
                .executeUpdate();
    }

    /** Bulk mode: every active record of the entity the file did not list becomes tobedeleted. */
    @SuppressWarnings("unchecked")
    public List<String> deactivateUnseen(String entity, UUID importId) {
        return em.createNativeQuery("""
                        update roster_record
                           set status = 'tobedeleted', changed_at = now(), last_change_import_id = :importId,
                               row_hash = md5('tobedeleted' || row_hash)
                         where entity = :entity and status <> 'tobedeleted'
                           and last_seen_import_id is distinct from :importId
                        returning sourced_id
                        """)
                .setParameter("importId", importId)
                .setParameter("entity", entity)
                .getResultList();
    }

    public boolean isActive(String entity, String sourcedId) {
        return !em.createNativeQuery("select 1 from roster_record where entity = :entity and sourced_id = :sourcedId"
                        + " and status = 'active'")
                .setParameter("entity", entity)
                .setParameter("sourcedId", sourcedId)
                .getResultList().isEmpty();
    }

    public Optional<Stored> find(String entity, String sourcedId) {
        List<?> rows = em.createNativeQuery("select status, cast(fields as text), cast(extensions as text),"
                        + " date_last_modified from roster_record where entity = :entity and sourced_id = :sourcedId")
                .setParameter("entity", entity)
                .setParameter("sourcedId", sourcedId)
                .getResultList();
        return rows.stream().findFirst().map(r -> stored(entity, sourcedId, (Object[]) r));
    }

    /** 1.2: the roles a user holds. */
    public List<Stored> rolesOf(String userSourcedId) {
        List<?> rows = em.createNativeQuery("select sourced_id, status, cast(fields as text), cast(extensions as text),"
                        + " date_last_modified from roster_record where entity = 'roles'"
                        + " and fields ->> 'userSourcedId' = :user order by sourced_id")
                .setParameter("user", userSourcedId)
                .getResultList();
        return rows.stream().map(r -> {
            Object[] row = (Object[]) r;
            return stored("roles", (String) row[0], new Object[] {row[1], row[2], row[3], row[4]});
        }).toList();
    }

    private Stored stored(String entity, String sourcedId, Object[] row) {
        try {
            return new Stored(entity, sourcedId, (String) row[0], mapper.readValue((String) row[1], STRING_MAP),
                    mapper.readValue((String) row[2], STRING_MAP), toOffset(row[3]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable roster record " + entity + "/" + sourcedId, e);
        }
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private String json(Map<String, String> map) {
        try {
            return mapper.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String status, String fields, String extensions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(status.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(fields.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(extensions.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
