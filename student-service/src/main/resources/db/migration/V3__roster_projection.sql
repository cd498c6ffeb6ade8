-- What a OneRoster import (or the push API) projects roster_record into: districts, schools,
-- academic sessions, courses, classes, staff, students and enrollments. Every projected row keeps
-- the SIS's sourcedId and a status (active / tobedeleted): nothing is ever hard-deleted, because
-- logs and compliance history point at these rows.

create table district (
    id          uuid primary key,
    sourced_id  varchar(255) unique,
    name        varchar(200) not null,
    status      varchar(16)  not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

alter table school add column status varchar(16) not null default 'active';
alter table school add column updated_at timestamptz;
update school set updated_at = created_at;
alter table school alter column updated_at set not null;
alter table school add column version bigint not null default 0;
create index school_district on school (district_id);

-- Staff from the roster may come without an email, and carry the SIS's role (teacher, aide,
-- administrator, counselor...). discipline_source says who set the discipline: the roster may
-- change a discipline it set itself, never one set through our API.
alter table staff alter column email drop not null;
alter table staff add column sourced_id varchar(255) unique;
alter table staff add column status varchar(16) not null default 'active';
alter table staff add column roster_role varchar(32);
alter table staff add column discipline_source varchar(8) not null default 'API';
alter table staff add column updated_at timestamptz;
update staff set updated_at = created_at;
alter table staff alter column updated_at set not null;
alter table staff add column version bigint not null default 0;
create index staff_name on staff (lower(family_name), lower(given_name));

create index student_status on student (status);

create table academic_session (
    id                 uuid primary key,
    sourced_id         varchar(255) not null unique,
    title              varchar(255) not null,
    type               varchar(32)  not null,
    start_date         date         not null,
    end_date           date         not null,
    parent_sourced_id  varchar(255),
    school_year        varchar(4),
    status             varchar(16)  not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

create table course (
    id                      uuid primary key,
    sourced_id              varchar(255) not null unique,
    title                   varchar(255) not null,
    course_code             varchar(255),
    school_year_sourced_id  varchar(255),
    org_sourced_id          varchar(255),
    grades                  text[]       not null default '{}',
    subjects                text[]       not null default '{}',
    status                  varchar(16)  not null,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null
);

-- A class section (OneRoster class). Only classes of a known school are projected (push-in
-- sessions are planned per school).
create table class_section (
    id                 uuid primary key,
    sourced_id         varchar(255) not null unique,
    title              varchar(255) not null,
    class_code         varchar(255),
    class_type         varchar(32),
    location           varchar(255),
    school_id          uuid         not null references school (id),
    course_sourced_id  varchar(255),
    term_sourced_ids   text[]       not null default '{}',
    grades             text[]       not null default '{}',
    subjects           text[]       not null default '{}',
    periods            text[]       not null default '{}',
    status             varchar(16)  not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index class_section_school on class_section (school_id);

-- An enrollment keeps the sourcedIds it was sent with; class_id / student_id / staff_id are filled
-- as soon as the class and the person are projected (a student not yet placed at a school gets
-- linked, and EnrollmentChanged published, when they are).
create table enrollment (
    id                  uuid primary key,
    sourced_id          varchar(255) not null unique,
    class_sourced_id    varchar(255) not null,
    user_sourced_id     varchar(255) not null,
    school_sourced_id   varchar(255),
    class_id            uuid references class_section (id),
    school_id           uuid,  -- the class's school or the one the SIS gave; derived, no foreign key to check per row
    student_id          uuid references student (id),
    staff_id            uuid references staff (id),
    role                varchar(32)  not null,
    is_primary          boolean      not null default false,
    begin_date          date,
    end_date            date,
    status              varchar(16)  not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
-- A large import inserts hundreds of thousands of enrollments: index only what is looked up.
create index enrollment_class on enrollment (class_id);
create index enrollment_student on enrollment (student_id) where student_id is not null;
create index enrollment_staff on enrollment (staff_id) where staff_id is not null;
-- Enrollments waiting for their person or class to be projected, found by sourcedId when it is.
create index enrollment_waiting_user on enrollment (user_sourced_id) where student_id is null and staff_id is null;
create index enrollment_waiting_class on enrollment (class_sourced_id) where class_id is null;
