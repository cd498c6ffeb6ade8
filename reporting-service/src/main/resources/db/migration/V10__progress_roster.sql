-- Goal progress and communication (package org.iepservices.reporting.progress): the roster as
-- reporting needs it for names and a teacher's classes. Written only by the consumer
-- "reporting.progress.roster" (see ProgressProjection); each row keeps the time of the event that
-- last set it, and an older event never overwrites a newer one, so replaying the topics in any
-- order across topics rebuilds the same rows.
create table progress_student (
    student_id   uuid primary key,
    given_name   varchar(200),
    family_name  varchar(200),
    grade        varchar(20),
    school_id    uuid,
    status       varchar(20),
    event_time   timestamptz not null
);

create table progress_staff (
    staff_id     uuid primary key,
    given_name   varchar(200),
    family_name  varchar(200),
    discipline   varchar(40),
    credentials  varchar(100),
    status       varchar(20),
    event_time   timestamptz not null
);

create table progress_class (
    class_id     uuid primary key,
    title        varchar(300),
    school_id    uuid,
    status       varchar(20),
    event_time   timestamptz not null
);

-- Enrollments of teachers (and students) in classes: a teacher's classes for the push-in view.
create table progress_enrollment (
    enrollment_id  uuid primary key,
    class_id       uuid not null,
    user_id        uuid not null,
    role           varchar(40) not null,
    status         varchar(20),
    begin_date     date,
    end_date       date,
    event_time     timestamptz not null
);
create index progress_enrollment_user on progress_enrollment (user_id);
create index progress_enrollment_class on progress_enrollment (class_id);
