package org.iepservices.student.repository;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A collection of the OneRoster 1.2 rostering REST binding as SQL over our tables: every scalar
 * field the binding defines is a column named as the field (so filter and sort run in PostgreSQL,
 * on the same names clients use); columns starting with {@code _} carry the nested parts (arrays,
 * GUIDRef targets, metadata) the JSON is built from. Records that came from the roster keep the
 * fields only the SIS knows (username, userIds, sms...) through roster_record; records created in
 * our own API appear too, with our id as sourcedId when they have none. {@code _districts} says
 * which districts a record belongs to (a staff member's schools may span several; an academic
 * session belongs to the districts whose classes use it) besides the district it was rostered for,
 * so a district's admin reads only theirs. SourcedIds are unique per district: every join to
 * roster_record and every sourcedId resolved for a row (children, parents, terms, courses) stays
 * within the row's {@code roster_district}. {@code _student} is the student a user or enrollment
 * row names (the access trail). Users the roster sent that are neither a placed student nor staff
 * (a student whose only org is a department of a school not rostered yet, a guardian) are read from
 * their roster record, so every user the SIS sent reads back.
 */
public enum OneRosterCollection {

    ORGS("orgs", "org", """
            select coalesce(d.sourced_id, d.id::text) as "sourcedId", d.status as "status",
                   d.updated_at as "dateLastModified", d.name as "name", 'district'::text as "type",
                   r.fields ->> 'identifier' as "identifier", null::text as "parentSourcedId",
                   (select array_agg(coalesce(s.sourced_id, s.id::text) order by coalesce(s.sourced_id, s.id::text))
                      from school s where s.district_id = d.id) as "_children",
                   r.extensions::text as "_metadata", array[d.id] as "_districts"
              from district d
              left join roster_record r on r.roster_district = d.roster_district and r.entity = 'orgs'
                                       and r.sourced_id = d.sourced_id
            union all
            select coalesce(s.sourced_id, s.id::text), s.status, s.updated_at, s.name, 'school',
                   r.fields ->> 'identifier',
                   coalesce(pd.sourced_id, pd.id::text, nullif(r.fields ->> 'parentSourcedId', '')),
                   null::text[], r.extensions::text, array[s.district_id]
              from school s
              left join district pd on pd.id = s.district_id
              left join roster_record r on r.roster_district = s.roster_district and r.entity = 'orgs'
                                       and r.sourced_id = s.sourced_id
            union all
            select r.sourced_id, r.status, r.changed_at, r.fields ->> 'name', r.fields ->> 'type',
                   r.fields ->> 'identifier', nullif(r.fields ->> 'parentSourcedId', ''),
                   (select array_agg(c.sourced_id order by c.sourced_id) from roster_record c
                     where c.roster_district = r.roster_district and c.entity = 'orgs'
                       and c.fields ->> 'parentSourcedId' = r.sourced_id),
                   r.extensions::text,
                   array(select ps.district_id from school ps where ps.roster_district = r.roster_district
                                                               and ps.sourced_id = r.fields ->> 'parentSourcedId'
                         union select pd.id from district pd where pd.roster_district = r.roster_district
                                                               and pd.sourced_id = r.fields ->> 'parentSourcedId'
                         union select r.roster_district)
              from roster_record r
             where r.entity = 'orgs' and r.fields ->> 'type' not in ('school', 'district')
            """, fields("name", "type", "identifier", "parentSourcedId:parent.sourcedId")),

    ACADEMIC_SESSIONS("academicSessions", "academicSession", """
            select a.sourced_id as "sourcedId", a.status as "status", a.updated_at as "dateLastModified",
                   a.title as "title", a.type as "type", a.start_date as "startDate", a.end_date as "endDate",
                   a.parent_sourced_id as "parentSourcedId", a.school_year as "schoolYear",
                   (select array_agg(c.sourced_id order by c.sourced_id) from academic_session c
                     where c.roster_district = a.roster_district and c.parent_sourced_id = a.sourced_id) as "_children",
                   r.extensions::text as "_metadata",
                   array(select distinct cs.district_id from class_section k join school cs on cs.id = k.school_id
                          where k.roster_district = a.roster_district
                            and (a.sourced_id = any(k.term_sourced_ids)
                                 or exists (select 1 from academic_session t
                                             where t.roster_district = a.roster_district
                                               and t.parent_sourced_id = a.sourced_id
                                               and t.sourced_id = any(k.term_sourced_ids)))
                         union select a.roster_district)
                       as "_districts"
              from academic_session a
              left join roster_record r on r.roster_district = a.roster_district and r.entity = 'academicSessions'
                                       and r.sourced_id = a.sourced_id
            """, fields("title", "type", "startDate#date", "endDate#date", "schoolYear",
            "parentSourcedId:parent.sourcedId")),

    COURSES("courses", "course", """
            select c.sourced_id as "sourcedId", c.status as "status", c.updated_at as "dateLastModified",
                   c.title as "title", c.course_code as "courseCode",
                   c.school_year_sourced_id as "schoolYearSourcedId", c.org_sourced_id as "orgSourcedId",
                   c.grades as "_grades", c.subjects as "_subjects", r.fields ->> 'subjectCodes' as "_subjectCodes",
                   r.extensions::text as "_metadata",
                   array(select os.district_id from school os where os.roster_district = c.roster_district
                                                                   and os.sourced_id = c.org_sourced_id
                         union select od.id from district od where od.roster_district = c.roster_district
                                                               and od.sourced_id = c.org_sourced_id
                         union select ks.district_id from class_section k join school ks on ks.id = k.school_id
                                where k.roster_district = c.roster_district and k.course_sourced_id = c.sourced_id
                         union select c.roster_district) as "_districts"
              from course c
              left join roster_record r on r.roster_district = c.roster_district and r.entity = 'courses'
                                       and r.sourced_id = c.sourced_id
            """, fields("title", "courseCode", "schoolYearSourcedId:schoolYear.sourcedId",
            "orgSourcedId:org.sourcedId")),

    CLASSES("classes", "class", """
            select c.sourced_id as "sourcedId", c.status as "status", c.updated_at as "dateLastModified",
                   c.title as "title", c.class_code as "classCode", c.class_type as "classType",
                   c.location as "location", c.course_sourced_id as "courseSourcedId",
                   coalesce(s.sourced_id, s.id::text) as "schoolSourcedId",
                   c.term_sourced_ids as "_terms", c.grades as "_grades", c.subjects as "_subjects",
                   c.periods as "_periods", r.fields ->> 'subjectCodes' as "_subjectCodes",
                   r.extensions::text as "_metadata", array[s.district_id] as "_districts"
              from class_section c
              join school s on s.id = c.school_id
              left join roster_record r on r.roster_district = c.roster_district and r.entity = 'classes'
                                       and r.sourced_id = c.sourced_id
            """, fields("title", "classCode", "classType", "location", "courseSourcedId:course.sourcedId",
            "schoolSourcedId:school.sourcedId")),

    USERS("users", "user", """
            select coalesce(s.sourced_id, s.id::text) as "sourcedId", s.status as "status",
                   s.updated_at as "dateLastModified",
                   coalesce(r.fields ->> 'username', s.sourced_id, s.id::text) as "username",
                   coalesce(cast(r.fields ->> 'enabledUser' as boolean), true) as "enabledUser",
                   s.given_name as "givenName", s.family_name as "familyName",
                   r.fields ->> 'middleName' as "middleName",
                   r.fields ->> 'preferredGivenName' as "preferredFirstName",
                   r.fields ->> 'preferredMiddleName' as "preferredMiddleName",
                   r.fields ->> 'preferredFamilyName' as "preferredLastName",
                   r.fields ->> 'pronouns' as "pronouns", r.fields ->> 'identifier' as "identifier",
                   r.fields ->> 'email' as "email", r.fields ->> 'sms' as "sms", r.fields ->> 'phone' as "phone",
                   r.fields ->> 'userMasterIdentifier' as "userMasterIdentifier",
                   'student'::text as "role",
                   array[coalesce(sch.sourced_id, sch.id::text)] as "_orgs",
                   coalesce(nullif(r.fields ->> 'grades', ''), case s.grade when 'K' then 'KG' when 'PK' then 'PK'
                        when 'UG' then 'UG' else lpad(s.grade, 2, '0') end) as "_grades",
                   r.fields ->> 'userIds' as "_userIds", r.fields ->> 'agentSourcedIds' as "_agents",
                   r.extensions::text as "_metadata", array[sch.district_id] as "_districts", s.id as "_student"
              from student s
              join school sch on sch.id = s.school_id
              left join roster_record r on r.roster_district = s.roster_district and r.entity = 'users'
                                       and r.sourced_id = s.sourced_id
            union all
            select coalesce(t.sourced_id, t.id::text), t.status, t.updated_at,
                   coalesce(r.fields ->> 'username', t.email, t.id::text),
                   coalesce(cast(r.fields ->> 'enabledUser' as boolean), true),
                   t.given_name, t.family_name, r.fields ->> 'middleName', r.fields ->> 'preferredGivenName',
                   r.fields ->> 'preferredMiddleName', r.fields ->> 'preferredFamilyName', r.fields ->> 'pronouns',
                   r.fields ->> 'identifier', coalesce(t.email, r.fields ->> 'email'), r.fields ->> 'sms',
                   r.fields ->> 'phone', r.fields ->> 'userMasterIdentifier',
                   coalesce(t.roster_role, case t.discipline when 'COUNSELOR' then 'counselor' else 'teacher' end),
                   (select array_agg(coalesce(sc.sourced_id, sc.id::text) order by coalesce(sc.sourced_id, sc.id::text))
                      from staff_school ss join school sc on sc.id = ss.school_id where ss.staff_id = t.id),
                   nullif(r.fields ->> 'grades', ''), r.fields ->> 'userIds', r.fields ->> 'agentSourcedIds',
                   r.extensions::text,
                   array(select sd.district_id from staff_school ss join school sd on sd.id = ss.school_id
                          where ss.staff_id = t.id
                         union select t.roster_district),
                   null::uuid
              from staff t
              left join roster_record r on r.roster_district = t.roster_district and r.entity = 'users'
                                       and r.sourced_id = t.sourced_id
            union all
            select r.sourced_id, r.status, r.changed_at, coalesce(nullif(r.fields ->> 'username', ''), r.sourced_id),
                   coalesce(cast(nullif(r.fields ->> 'enabledUser', '') as boolean), true),
                   r.fields ->> 'givenName', r.fields ->> 'familyName', r.fields ->> 'middleName',
                   r.fields ->> 'preferredGivenName', r.fields ->> 'preferredMiddleName',
                   r.fields ->> 'preferredFamilyName', r.fields ->> 'pronouns', r.fields ->> 'identifier',
                   r.fields ->> 'email', r.fields ->> 'sms', r.fields ->> 'phone', r.fields ->> 'userMasterIdentifier',
                   coalesce(nullif(r.fields ->> 'role', ''), ro.role),
                   coalesce(cast(r.orgs as text[]), ro.orgs),
                   nullif(r.fields ->> 'grades', ''), r.fields ->> 'userIds', r.fields ->> 'agentSourcedIds',
                   r.extensions::text,
                   array(select us.district_id from school us where us.roster_district = r.roster_district
                                                                and us.sourced_id = any(r.orgs)
                         union select r.roster_district),
                   null::uuid
              from roster_record r
              left join lateral (
                   select (array_agg(x.fields ->> 'role' order by (x.fields ->> 'roleType') = 'primary' desc,
                                     x.sourced_id))[1] as role,
                          array_agg(x.fields ->> 'orgSourcedId' order by (x.fields ->> 'roleType') = 'primary' desc,
                                    x.sourced_id) as orgs
                     from roster_record x
                    where x.roster_district = r.roster_district and x.entity = 'roles' and x.status = 'active'
                      and x.fields ->> 'userSourcedId' = r.sourced_id) ro on true
             where r.entity = 'users'
               and not exists (select 1 from student ps where ps.roster_district = r.roster_district
                                                         and ps.sourced_id = r.sourced_id)
               and not exists (select 1 from staff pt where pt.roster_district = r.roster_district
                                                       and pt.sourced_id = r.sourced_id)
            """, fields("username", "enabledUser#boolean", "givenName", "familyName", "middleName",
            "preferredFirstName", "preferredMiddleName", "preferredLastName", "pronouns", "identifier", "email", "sms",
            "phone", "userMasterIdentifier", "role:roles.role")),

    ENROLLMENTS("enrollments", "enrollment", """
            select e.sourced_id as "sourcedId", e.status as "status", e.updated_at as "dateLastModified",
                   e.role as "role", e.is_primary as "primary", e.begin_date as "beginDate", e.end_date as "endDate",
                   e.user_sourced_id as "userSourcedId", e.class_sourced_id as "classSourcedId",
                   coalesce(e.school_sourced_id, s.sourced_id, s.id::text) as "schoolSourcedId",
                   r.extensions::text as "_metadata", array[s.district_id, e.roster_district] as "_districts",
                   e.student_id as "_student"
              from enrollment e
              left join class_section c on c.id = e.class_id
              left join school s on s.id = coalesce(e.school_id, c.school_id)
              left join roster_record r on r.roster_district = e.roster_district and r.entity = 'enrollments'
                                       and r.sourced_id = e.sourced_id
            """, fields("role", "primary#boolean", "beginDate#date", "endDate#date", "userSourcedId:user.sourcedId",
            "classSourcedId:class.sourcedId", "schoolSourcedId:school.sourcedId"));

    /** How a field's filter value is read and compared. */
    public enum Type { TEXT, DATE, DATETIME, BOOLEAN }

    /** A filterable, sortable field: the name clients use and the column it is. */
    public record Field(String name, String column, Type type) {
    }

    private final String path;
    private final String singular;
    private final String source;
    private final Map<String, Field> fields;

    OneRosterCollection(String path, String singular, String source, Map<String, Field> fields) {
        this.path = path;
        this.singular = singular;
        this.source = source;
        this.fields = fields;
    }

    /** The collection's path and plural envelope key ({@code users}). */
    public String path() {
        return path;
    }

    /** The envelope key of one record ({@code user}). */
    public String singular() {
        return singular;
    }

    String source() {
        return source;
    }

    /** A field by the name a client filters or sorts on (a GUIDRef's {@code school.sourcedId} works too). */
    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public java.util.Set<String> fieldNames() {
        return fields.keySet();
    }

    /**
     * "name" is a text column of that name; "name#date" typed; "column:alias" also answers to the
     * alias (e.g. parentSourcedId to parent.sourcedId). sourcedId, status, dateLastModified always.
     */
    private static Map<String, Field> fields(String... specs) {
        Map<String, Field> fields = new LinkedHashMap<>();
        fields.put("sourcedId", new Field("sourcedId", "sourcedId", Type.TEXT));
        fields.put("status", new Field("status", "status", Type.TEXT));
        fields.put("dateLastModified", new Field("dateLastModified", "dateLastModified", Type.DATETIME));
        for (String spec : specs) {
            String alias = null;
            if (spec.contains(":")) {
                alias = spec.substring(spec.indexOf(':') + 1);
                spec = spec.substring(0, spec.indexOf(':'));
            }
            Type type = Type.TEXT;
            if (spec.contains("#")) {
                type = Type.valueOf(spec.substring(spec.indexOf('#') + 1).toUpperCase(java.util.Locale.ROOT));
                spec = spec.substring(0, spec.indexOf('#'));
            }
            Field field = new Field(spec, spec, type);
            fields.put(spec, field);
            if (alias != null) {
                fields.put(alias, field);
            }
        }
        return Map.copyOf(fields);
    }
}
