package org.iepservices.student.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.iepservices.student.domain.roster.RosterFeed;
import org.iepservices.student.domain.roster.RosterRecord;
import org.iepservices.student.domain.roster.RosterReference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The OneRoster records as received (table roster_record). Works a chunk of records at a time
 * with one statement per step (arrays bound to {@code unnest}), so an import costs a handful of
 * round trips per thousand rows. A row whose content hash and status are unchanged is not written
 * at all: importing the same file twice writes nothing.
 */
@ApplicationScoped
public class RosterRecordRepository {

    public enum Change { INSERTED, UPDATED, DEACTIVATED, UNCHANGED }

    /** What is stored for one record. */
    public record Stored(String entity, String sourcedId, String status, Map<String, String> fields,
                         Map<String, String> extensions, OffsetDateTime dateLastModified) {
        public String field(String column) {
            return fields.getOrDefault(column, "");
        }

        public List<String> values(String column) {
            return RosterRecord.splitValues(field(column));
        }

        public boolean active() {
            return RosterRecord.ACTIVE.equals(status);
        }
    }

    private record Existing(String hash, String status, List<String> sources) {
    }

    /**
     * What a bulk users file would do to the people of its scope: active students and staff of its
     * source within its orgs, and how many of them it no longer lists.
     */
    public record PeopleInScope(long activeStudents, long unlistedStudents, long activeStaff, long unlistedStaff) {
    }

    /** Separates the org sourcedIds of one row in the upsert's text array (never in a sourcedId). */
    private static final String ORG_SEPARATOR = "\u001f";

    /**
     * The orgs a bulk file covers ({@code ?} = the orgs it lists or references) and every org
     * stored below them, as a CTE named {@code scope}. A record is in scope when one of its orgs
     * is, a 1.2 user also through a role at one of them; null orgs (stored before feeds had
     * scopes) are in every scope of their source. A file that names no org at all (academic
     * sessions only) covers every record of its source.
     */
    private static final String SCOPE = """
            with recursive scope (org) as (
                select unnest(?::varchar[])
                union
                select o.sourced_id from roster_record o join scope on o.roster_district = ?::uuid
                                                                  and o.entity = 'orgs'
                                                                  and o.fields ->> 'parentSourcedId' = scope.org
            )
            """;

    private static final String IN_SCOPE = """
            (not exists (select 1 from scope) or r.orgs is null or r.orgs && array(select org from scope)::varchar[]
             or (r.entity = 'users' and exists (select 1 from roster_record ro
                     where ro.roster_district = r.roster_district and ro.entity = 'roles'
                       and ro.fields ->> 'userSourcedId' = r.sourced_id
                       and ro.fields ->> 'orgSourcedId' in (select org from scope))))
            """;

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private static final String UPSERT = """
            insert into roster_record as r (roster_district, entity, sourced_id, status, date_last_modified, fields, extensions,
                                            row_hash, first_import_id, last_change_import_id, last_seen_import_id,
                                            changed_at, sources, orgs)
            select ?::uuid, ?, u.sourced_id, u.status, u.modified, cast(u.fields as jsonb), cast(u.extensions as jsonb),
                   u.hash, ?, ?, ?, now(), array[?]::varchar[], string_to_array(u.orgs, E'\\x1f')::varchar[]
              from unnest(?::varchar[], ?::varchar[], ?::timestamptz[], ?::text[], ?::text[], ?::varchar[], ?::text[])
                   as u (sourced_id, status, modified, fields, extensions, hash, orgs)
            on conflict (roster_district, entity, sourced_id) do update set
                sources = case when excluded.sources[1] = any(r.sources) then r.sources
                               else r.sources || excluded.sources end,
                orgs = excluded.orgs,
                status = excluded.status,
                date_last_modified = excluded.date_last_modified,
                fields = excluded.fields,
                extensions = excluded.extensions,
                row_hash = excluded.row_hash,
                last_change_import_id = excluded.last_change_import_id,
                last_seen_import_id = excluded.last_seen_import_id,
                changed_at = excluded.changed_at
            """;

    private final EntityManager em;
    private final ObjectMapper mapper;

    RosterRecordRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * Stores a chunk of records of one entity (no sourcedId twice) for {@code feed} and says, per
     * record, what changed. {@code importId} may be null (push API). The feed's source is added to
     * the record's sources (written even when the content is unchanged); the content is the last
     * sender's.
     */
    public List<Change> apply(String entity, List<RosterRecord> records, UUID importId, RosterFeed feed) {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<String, Existing> existing = existing(feed.district(), entity, records.stream().map(RosterRecord::sourcedId).toList());
        List<Change> changes = new ArrayList<>(records.size());
        List<String[]> rows = new ArrayList<>();
        List<OffsetDateTime> modified = new ArrayList<>();
        for (RosterRecord record : records) {
            String fields = json(new TreeMap<>(record.fields()));
            String extensions = json(new TreeMap<>(record.extensions()));
            String hash = hash(fields, extensions);
            Existing before = existing.get(record.sourcedId());
            Change change;
            if (before == null) {
                change = Change.INSERTED;
            } else if (before.hash().equals(hash) && before.status().equals(record.status())) {
                change = Change.UNCHANGED;
            } else if (RosterRecord.TO_BE_DELETED.equals(record.status())
                    && !RosterRecord.TO_BE_DELETED.equals(before.status())) {
                change = Change.DEACTIVATED;
            } else {
                change = Change.UPDATED;
            }
            changes.add(change);
            if (change != Change.UNCHANGED || !before.sources().contains(feed.source())) {
                List<String> orgs = RosterReference.namesOrgs(record.file()) ? RosterReference.orgsOf(record)
                        : List.copyOf(feed.coveredOrgs());
                rows.add(new String[] {record.sourcedId(), record.status(), fields, extensions, hash,
                        String.join(ORG_SEPARATOR, orgs)});
                modified.add(record.dateLastModified() != null ? record.dateLastModified()
                        : OffsetDateTime.now(ZoneOffset.UTC));
            }
        }
        if (!rows.isEmpty()) {
            work(c -> {
                try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                    ps.setObject(1, feed.district());
                    ps.setString(2, entity);
                    ps.setObject(3, importId);
                    ps.setObject(4, importId);
                    ps.setObject(5, importId);
                    ps.setString(6, feed.source());
                    ps.setArray(7, column(c, rows, 0));
                    ps.setArray(8, column(c, rows, 1));
                    ps.setArray(9, c.createArrayOf("timestamptz",
                            modified.stream().map(m -> Timestamp.from(m.toInstant())).toArray()));
                    ps.setArray(10, column(c, rows, 2));
                    ps.setArray(11, column(c, rows, 3));
                    ps.setArray(12, column(c, rows, 4));
                    ps.setArray(13, column(c, rows, 5));
                    ps.executeUpdate();
                }
                return null;
            });
        }
        return changes;
    }

    /** Of {@code sourcedIds}, those stored as active records of {@code entity} in {@code district}. */
    public Set<String> active(UUID district, String entity, Collection<String> sourcedIds) {
        if (sourcedIds.isEmpty()) {
            return Set.of();
        }
        return work(c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select sourced_id from roster_record where roster_district = ?"
                    + " and entity = ? and status = 'active' and sourced_id = any(?)")) {
                ps.setObject(1, district);
                ps.setString(2, entity);
                ps.setArray(3, c.createArrayOf("varchar", sourcedIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        });
    }

    /**
     * The districts in which a record of {@code entity} with one of these sourcedIds is stored (any
     * status): where an import's orgs or a pushed record already live.
     */
    public Set<UUID> districtsStoring(String entity, Collection<String> sourcedIds) {
        if (sourcedIds.isEmpty()) {
            return Set.of();
        }
        return work(c -> {
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select distinct roster_district from roster_record"
                    + " where entity = ? and sourced_id = any(?)")) {
                ps.setString(1, entity);
                ps.setArray(2, c.createArrayOf("varchar", sourcedIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    /** The districts in which a district (projected district org) with one of these sourcedIds is stored. */
    public Set<UUID> districtsOfDistrictOrgs(Collection<String> sourcedIds) {
        if (sourcedIds.isEmpty()) {
            return Set.of();
        }
        return work(c -> {
            Set<UUID> found = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select distinct roster_district from district where sourced_id = any(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", sourcedIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return found;
        });
    }

    public Optional<Stored> find(UUID district, String entity, String sourcedId) {
        return Optional.ofNullable(findAll(district, entity, List.of(sourcedId)).get(sourcedId));
    }

    /** The stored records of {@code entity} in {@code district} among {@code sourcedIds}, in the order asked. */
    public Map<String, Stored> findAll(UUID district, String entity, Collection<String> sourcedIds) {
        if (sourcedIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Stored> byId = query("select entity, sourced_id, status, fields::text, extensions::text,"
                + " date_last_modified from roster_record where roster_district = ? and entity = ? and sourced_id = any(?)",
                district, entity, sourcedIds)
                .stream().collect(HashMap::new, (m, s) -> m.put(s.sourcedId(), s), HashMap::putAll);
        Map<String, Stored> ordered = new LinkedHashMap<>();
        for (String id : sourcedIds) {
            Stored s = byId.get(id);
            if (s != null) {
                ordered.put(id, s);
            }
        }
        return ordered;
    }

    /** 1.2: the roles (any status) the given users hold, by user, in sourcedId order. */
    public Map<String, List<Stored>> rolesOf(UUID district, Collection<String> userSourcedIds) {
        if (userSourcedIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Stored>> byUser = new HashMap<>();
        for (Stored role : query("select entity, sourced_id, status, fields::text, extensions::text, date_last_modified"
                + " from roster_record where roster_district = ? and entity = ? and fields ->> 'userSourcedId' = any(?)"
                + " order by sourced_id", district, "roles", userSourcedIds)) {
            byUser.computeIfAbsent(role.field("userSourcedId"), u -> new ArrayList<>()).add(role);
        }
        return byUser;
    }

    // ---- bulk files: which records did this file list? ----

    /** Starts tracking the sourcedIds of one bulk file (a temporary table of this transaction). */
    public void startFile() {
        work(c -> {
            try (var s = c.createStatement()) {
                s.execute("create temp table if not exists roster_seen (sourced_id varchar(255) primary key)"
                        + " on commit drop");
                s.execute("create temp table if not exists roster_gone (sourced_id varchar(255) primary key)"
                        + " on commit drop");
                s.execute("truncate roster_seen, roster_gone");
            }
            return null;
        });
    }

    /**
     * Records that the file lists these sourcedIds (rejected rows too: a row with a bad date must
     * not deactivate its record) and returns those it listed before: duplicates within the file.
     */
    public Set<String> seen(Collection<String> sourcedIds) {
        if (sourcedIds.isEmpty()) {
            return Set.of();
        }
        return work(c -> {
            Set<String> added = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("insert into roster_seen select distinct unnest(?::varchar[])"
                    + " on conflict do nothing returning sourced_id")) {
                ps.setArray(1, c.createArrayOf("varchar", sourcedIds.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        added.add(rs.getString(1));
                    }
                }
            }
            Set<String> before = new HashSet<>(sourcedIds);
            before.removeAll(added);
            return before;
        });
    }

    /**
     * Bulk mode: every active record of {@code entity} that the feed's source sends, within the
     * orgs it covers, and that the file did not list, is no longer sent by that source; one that no
     * other source sends any more becomes tobedeleted (content kept). Records of orgs the file does
     * not cover (another school's feed) and records of another district are untouched. Returns how many were
     * deactivated; read them with {@link #gone(String, int)}.
     */
    public int deactivateUnseen(String entity, UUID importId, RosterFeed feed) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(scoped("""
                    {scope},
                    dropped as (
                        update roster_record r
                           set sources = array_remove(r.sources, ?::varchar),
                               status = case when r.sources = array[?]::varchar[] then 'tobedeleted' else r.status end,
                               changed_at = now(), last_change_import_id = ?
                         where r.roster_district = ? and r.entity = ? and ?::varchar = any(r.sources)
                           and r.status <> 'tobedeleted' and {inScope}
                           and not exists (select 1 from roster_seen s where s.sourced_id = r.sourced_id)
                        returning r.sourced_id, r.status)
                    insert into roster_gone select sourced_id from dropped where status = 'tobedeleted'
                    """))) {
                ps.setArray(1, c.createArrayOf("varchar", feed.coveredOrgs().toArray()));
                ps.setObject(2, feed.district());
                ps.setString(3, feed.source());
                ps.setString(4, feed.source());
                ps.setObject(5, importId);
                ps.setObject(6, feed.district());
                ps.setString(7, entity);
                ps.setString(8, feed.source());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Counts, for a bulk users file whose sourcedIds were recorded with {@link #seen}, the active
     * students and staff the feed's source sends within its scope, and those the file would
     * deactivate (no longer listed, and sent by no other source).
     */
    public PeopleInScope peopleInScope(RosterFeed feed) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(scoped("""
                    {scope}
                    , people as (
                        select st.id as student, sf.id as staff,
                               cardinality(r.sources) = 1
                               and not exists (select 1 from roster_seen s where s.sourced_id = r.sourced_id) as leaving
                          from roster_record r
                          left join student st on st.roster_district = r.roster_district and st.sourced_id = r.sourced_id
                                              and st.status = 'active'
                          left join staff sf on sf.roster_district = r.roster_district and sf.sourced_id = r.sourced_id
                                            and sf.status = 'active'
                         where r.roster_district = ? and r.entity = 'users' and ?::varchar = any(r.sources)
                           and r.status <> 'tobedeleted'
                           and {inScope})
                    select count(student), count(student) filter (where leaving),
                           count(staff), count(staff) filter (where leaving)
                      from people
                    """))) {
                ps.setArray(1, c.createArrayOf("varchar", feed.coveredOrgs().toArray()));
                ps.setObject(2, feed.district());
                ps.setObject(3, feed.district());
                ps.setString(4, feed.source());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new PeopleInScope(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
        });
    }

    /** The next page of records {@link #deactivateUnseen} deactivated, after {@code afterSourcedId}. */
    public List<String> gone(String afterSourcedId, int limit) {
        return work(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select sourced_id from roster_gone where sourced_id > ? order by sourced_id limit ?")) {
                ps.setString(1, afterSourcedId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    // ---- plumbing ----

    private static String scoped(String sql) {
        return sql.replace("{scope}", SCOPE).replace("{inScope}", IN_SCOPE);
    }

    private Map<String, Existing> existing(UUID district, String entity, Collection<String> ids) {
        return work(c -> {
            Map<String, Existing> found = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select sourced_id, row_hash, status, sources from roster_record"
                    + " where roster_district = ? and entity = ? and sourced_id = any(?)")) {
                ps.setObject(1, district);
                ps.setString(2, entity);
                ps.setArray(3, c.createArrayOf("varchar", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new Existing(rs.getString(2), rs.getString(3),
                                List.of((String[]) rs.getArray(4).getArray())));
                    }
                }
            }
            return found;
        });
    }

    private List<Stored> query(String sql, UUID district, String entity, Collection<String> ids) {
        return work(c -> {
            List<Stored> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, district);
                ps.setString(2, entity);
                ps.setArray(3, c.createArrayOf("varchar", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp modified = rs.getTimestamp(6);
                        rows.add(new Stored(rs.getString(1), rs.getString(2), rs.getString(3), map(rs.getString(4)),
                                map(rs.getString(5)),
                                modified == null ? null : modified.toInstant().atOffset(ZoneOffset.UTC)));
                    }
                }
            }
            return rows;
        });
    }

    /** Runs JDBC on the transaction's own connection (roster_record is not mapped by Hibernate). */
    private <T> T work(ReturningWork<T> work) {
        Session session = em.unwrap(Session.class);
        return session.doReturningWork(work);
    }

    private static Array column(Connection c, List<String[]> rows, int index) throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i)[index];
        }
        return c.createArrayOf("varchar", values);
    }

    private Map<String, String> map(String json) {
        try {
            return mapper.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable roster record", e);
        }
    }

    private String json(Map<String, String> map) {
        try {
            return mapper.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The content's fingerprint; status is compared on its own, so a deactivation keeps it valid. */
    static String hash(String fields, String extensions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(fields.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(extensions.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
