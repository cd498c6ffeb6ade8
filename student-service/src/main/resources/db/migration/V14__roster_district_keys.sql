-- OneRoster sourcedIds are unique per district, not across the deployment (issue 13): two
-- districts whose SIS exports share sourcedIds (sch-1, stu-001) get separate rows. Every roster
-- record and every row projected from the roster carries the district its import or push belonged
-- to. The nil UUID stands for "no district known" (a single-district deployment): a real value, so
-- plain = works in every join and the unique keys need no "nulls not distinct".
--
-- Backfill: schools from district_id; students, classes and enrollments through their school;
-- staff through their first school; courses through their org or their classes; academic sessions
-- through the classes that use them (or a child session's); a district is its own. A roster record
-- takes the district of the row projected from it, else of its orgs (up their parent chain), a
-- user's roles' or a demographics' user's, else nil.

alter table roster_record   add column roster_district uuid not null default '00000000-0000-0000-0000-000000000000';
alter table district        add column roster_district uuid not null default '00000000-0000-0000-0000-000000000000';
alter table school          add column roster_district uuid not null default '00000000-0000-0000-0000-000000000000';
alter table staff           add column roster_district uuid not null default '00000000-0000-0000-0000-000000000000';
alter table student         add column roster_district uuid not null default '00000000-0000-0000-0000-000000000000';
alter table academic_session add column roster_district uuid not null default '00000000-0000-0000-0000-000000000000';
alter table course          add column roster_district uuid not null default '00000000-0000-0000-0000-000000000000';
alter table class_section   add column roster_district uuid not null default '00000000-0000-0000-0000-000000000000';
alter table enrollment      add column roster_district uuid not null default '00000000-0000-0000-0000-000000000000';

update district set roster_district = id;
update school set roster_district = district_id where district_id is not null;
update student st set roster_district = s.roster_district from school s where s.id = st.school_id;
update class_section c set roster_district = s.roster_district from school s where s.id = c.school_id;
update enrollment e set roster_district = coalesce(
        (select s.roster_district from school s where s.id = e.school_id),
        (select c.roster_district from class_section c where c.id = e.class_id),
        '00000000-0000-0000-0000-000000000000');
update staff t set roster_district = coalesce(
        (select s.roster_district from staff_school ss join school s on s.id = ss.school_id
          where ss.staff_id = t.id order by s.roster_district = '00000000-0000-0000-0000-000000000000', s.id limit 1),
        '00000000-0000-0000-0000-000000000000');
update course c set roster_district = coalesce(
        (select d.id from district d where d.sourced_id = c.org_sourced_id),
        (select s.roster_district from school s where s.sourced_id = c.org_sourced_id),
        (select k.roster_district from class_section k where k.course_sourced_id = c.sourced_id limit 1),
        '00000000-0000-0000-0000-000000000000');
update academic_session a set roster_district = coalesce(
        (select k.roster_district from class_section k
          where a.sourced_id = any(k.term_sourced_ids)
             or exists (select 1 from academic_session t where t.parent_sourced_id = a.sourced_id
                                                         and t.sourced_id = any(k.term_sourced_ids))
          limit 1),
        '00000000-0000-0000-0000-000000000000');

-- Roster records: the projected row's district where there is one (so a re-import finds both).
update roster_record r set roster_district = x.roster_district
  from (select 'orgs' as entity, sourced_id, roster_district from district where sourced_id is not null
        union all select 'orgs', sourced_id, roster_district from school where sourced_id is not null
        union all select 'users', sourced_id, roster_district from student where sourced_id is not null
        union all select 'users', sourced_id, roster_district from staff where sourced_id is not null
        union all select 'academicSessions', sourced_id, roster_district from academic_session
        union all select 'courses', sourced_id, roster_district from course
        union all select 'classes', sourced_id, roster_district from class_section
        union all select 'enrollments', sourced_id, roster_district from enrollment) x
 where x.entity = r.entity and x.sourced_id = r.sourced_id
   and x.roster_district <> '00000000-0000-0000-0000-000000000000';

-- Else the district of its orgs: the org itself or the nearest school or district up its parent chain.
with recursive chain (org, cur, depth) as (
    select sourced_id::text, sourced_id::text, 0 from roster_record where entity = 'orgs'
    union all
    select c.org, p.fields ->> 'parentSourcedId', c.depth + 1
      from chain c join roster_record p on p.entity = 'orgs' and p.sourced_id = c.cur
     where c.depth < 5 and coalesce(p.fields ->> 'parentSourcedId', '') <> ''
), org_district as (
    select distinct on (c.org) c.org, coalesce(d.id, s.roster_district) as district
      from chain c
      left join district d on d.sourced_id = c.cur
      left join school s on s.sourced_id = c.cur
     where d.id is not null or s.id is not null
     order by c.org, c.depth
)
update roster_record r set roster_district = (
        select od.district from unnest(r.orgs) o join org_district od on od.org = o
         where od.district <> '00000000-0000-0000-0000-000000000000' limit 1)
 where r.roster_district = '00000000-0000-0000-0000-000000000000'
   and exists (select 1 from unnest(r.orgs) o join org_district od on od.org = o
                where od.district <> '00000000-0000-0000-0000-000000000000');

-- 1.2 users through their roles; roles and demographics through their user.
update roster_record u set roster_district = ro.roster_district
  from roster_record ro
 where u.entity = 'users' and u.roster_district = '00000000-0000-0000-0000-000000000000'
   and ro.entity = 'roles' and ro.fields ->> 'userSourcedId' = u.sourced_id
   and ro.roster_district <> '00000000-0000-0000-0000-000000000000';
update roster_record x set roster_district = u.roster_district
  from roster_record u
 where x.roster_district = '00000000-0000-0000-0000-000000000000'
   and u.entity = 'users' and u.roster_district <> '00000000-0000-0000-0000-000000000000'
   and ((x.entity = 'roles' and x.fields ->> 'userSourcedId' = u.sourced_id)
        or (x.entity = 'demographics' and x.sourced_id = u.sourced_id));

-- The new keys.
alter table roster_record drop constraint roster_record_pkey;
alter table roster_record add primary key (roster_district, entity, sourced_id);
drop index roster_record_roles_user;
create index roster_record_roles_user on roster_record (roster_district, (fields ->> 'userSourcedId')) where entity = 'roles';
create index roster_record_sourced_id on roster_record (entity, sourced_id);

alter table district drop constraint district_sourced_id_key;
alter table district add constraint district_sourced_id_key unique (roster_district, sourced_id);
alter table school drop constraint school_sourced_id_key;
alter table school add constraint school_sourced_id_key unique (roster_district, sourced_id);
alter table staff drop constraint staff_sourced_id_key;
alter table staff add constraint staff_sourced_id_key unique (roster_district, sourced_id);
alter table student drop constraint student_sourced_id_key;
alter table student add constraint student_sourced_id_key unique (roster_district, sourced_id);
alter table academic_session drop constraint academic_session_sourced_id_key;
alter table academic_session add constraint academic_session_sourced_id_key unique (roster_district, sourced_id);
alter table course drop constraint course_sourced_id_key;
alter table course add constraint course_sourced_id_key unique (roster_district, sourced_id);
alter table class_section drop constraint class_section_sourced_id_key;
alter table class_section add constraint class_section_sourced_id_key unique (roster_district, sourced_id);
alter table enrollment drop constraint enrollment_sourced_id_key;
alter table enrollment add constraint enrollment_sourced_id_key unique (roster_district, sourced_id);

-- sourcedId lookups without a district (a district-less reader, ?sourcedId= filters) stay indexed.
create index school_sourced_id on school (sourced_id);
create index staff_sourced_id on staff (sourced_id);
create index student_sourced_id on student (sourced_id);
create index district_sourced_id on district (sourced_id);
create index academic_session_sourced_id on academic_session (sourced_id);
create index course_sourced_id on course (sourced_id);
create index class_section_sourced_id on class_section (sourced_id);
create index enrollment_sourced_id on enrollment (sourced_id);

drop index enrollment_waiting_user;
drop index enrollment_waiting_class;
create index enrollment_waiting_user on enrollment (roster_district, user_sourced_id) where student_id is null and staff_id is null;
create index enrollment_waiting_class on enrollment (roster_district, class_sourced_id) where class_id is null;

-- Which district an import belonged to (null: imported before districts were keyed).
alter table roster_import add column district uuid;
