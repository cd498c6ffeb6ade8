-- Copies of what student-service owns, built from roster.events and iep.events. No foreign keys
-- between them: events arrive in any order across topics (an enrollment before its class, a
-- mandate before its student), and whatever arrives is kept.
create table school (
    id           uuid primary key,
    sourced_id   varchar(255),
    name         varchar(200),
    district_id  uuid,
    time_zone    varchar(60),
    status       varchar(30),
    updated_at   timestamptz not null
);

create table student (
    id              uuid primary key,
    sourced_id      varchar(255),
    given_name      varchar(100),
    family_name     varchar(100),
    grade           varchar(10),
    school_id       uuid,
    status          varchar(30),
    deactivated_on  date,
    updated_at      timestamptz not null
);
create index student_school on student (school_id);

create table staff (
    id           uuid primary key,
    sourced_id   varchar(255),
    given_name   varchar(100),
    family_name  varchar(100),
    email        varchar(255),
    discipline   varchar(20),
    credentials  varchar(100),
    status       varchar(30),
    updated_at   timestamptz not null
);

create table staff_school (
    staff_id   uuid not null references staff (id) on delete cascade,
    school_id  uuid not null,
    primary key (staff_id, school_id)
);

create table school_class (
    id          uuid primary key,
    sourced_id  varchar(255),
    title       varchar(200),
    class_type  varchar(30),
    school_id   uuid,
    status      varchar(30),
    updated_at  timestamptz not null
);
create index school_class_school on school_class (school_id);

create table enrollment (
    id          uuid primary key,
    sourced_id  varchar(255),
    class_id    uuid not null,
    school_id   uuid,
    user_id     uuid not null,
    role        varchar(30) not null,
    is_primary  boolean not null default false,
    begin_date  date,
    end_date    date,
    status      varchar(30),
    updated_at  timestamptz not null
);
create index enrollment_class on enrollment (class_id);
create index enrollment_user on enrollment (user_id);

-- One row per IEP version seen, even if only referenced so far (an amendment or end that
-- arrived before the version itself): superseded_from and ended_on clip its mandates.
create table iep (
    id               uuid primary key,
    student_id       uuid,
    effective_from   date,
    end_date         date,
    supersedes_id    uuid,
    superseded_from  date,
    ended_on         date,
    end_reason       varchar(500),
    received         boolean not null default false,
    updated_at       timestamptz not null
);
create index iep_student on iep (student_id);

create table mandate (
    id                     uuid primary key,
    iep_id                 uuid not null,
    student_id             uuid not null,
    continues_mandate_id   uuid,
    service_type           varchar(40) not null,
    provider_discipline    varchar(20),
    provider_id            uuid,
    sessions_per_interval  integer not null,
    minutes_per_session    integer not null,
    interval_unit          varchar(20) not null,
    push_in_sessions       integer not null,
    pull_out_sessions      integer not null,
    delivery               varchar(20),
    max_group_size         integer not null,
    start_date             date not null,
    end_date               date not null,
    -- end_date clipped by the IEP's supersession or early end; what the rules read
    effective_end          date not null,
    push_in_location       varchar(200),
    pull_out_location      varchar(200),
    updated_at             timestamptz not null
);
create index mandate_student on mandate (student_id);
create index mandate_provider on mandate (provider_id);
create index mandate_iep on mandate (iep_id);

create table mandate_constraint (
    mandate_id  uuid not null references mandate (id) on delete cascade,
    position    integer not null,
    kind        varchar(40) not null,
    subject     varchar(40),
    note        varchar(500),
    primary key (mandate_id, position)
);

create table iep_goal (
    id                  uuid primary key,
    iep_id              uuid not null,
    student_id          uuid not null,
    area                varchar(60),
    description         text,
    baseline            text,
    target              text,
    target_percent      integer,
    measurement_method  varchar(40),
    skill_stage         varchar(30),
    service_type        varchar(40)
);
create index iep_goal_student on iep_goal (student_id);

create table service_profile (
    student_id           uuid primary key,
    regulation_support   varchar(20),
    needs_quiet_setting  boolean not null default false,
    updated_at           timestamptz not null
);
