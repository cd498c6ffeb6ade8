-- Copies of other services' data, kept from their events (roster.events, iep.events,
-- schedule.events). Session logs and misses are validated against them. Rows may arrive in any
-- order across topics, so most columns are nullable and placeholder rows are allowed (e.g. an
-- IEP that is known to be superseded before its own IepActivated arrived).

create table known_school (
    school_id    uuid primary key,
    name         varchar(300),
    district_id  uuid,
    time_zone    varchar(64),
    status       varchar(40),
    updated_at   timestamptz not null
);
create index known_school_district on known_school (district_id);

create table known_student (
    student_id      uuid primary key,
    given_name      varchar(200),
    family_name     varchar(200),
    grade           varchar(20),
    school_id       uuid,
    status          varchar(40),
    deactivated_on  date,
    updated_at      timestamptz not null
);

create table known_staff (
    staff_id     uuid primary key,
    given_name   varchar(200),
    family_name  varchar(200),
    discipline   varchar(40),
    credentials  varchar(200),
    status       varchar(40),
    updated_at   timestamptz not null
);

-- One IEP version. effective_from is null while only a later event (amendment, end) mentioned it.
create table known_iep (
    iep_id           uuid primary key,
    student_id       uuid not null,
    effective_from   date,
    end_date         date,
    superseded_from  date,
    ended_on         date,
    updated_at       timestamptz not null
);
create index known_iep_student on known_iep (student_id);

create table known_mandate (
    mandate_id             uuid primary key,
    iep_id                 uuid not null,
    student_id             uuid not null,
    continues_mandate_id   uuid,
    service_type           varchar(60) not null,
    provider_discipline    varchar(40),
    provider_id            uuid,
    sessions_per_interval  integer not null,
    minutes_per_session    integer not null,
    interval_unit          varchar(20),
    push_in_sessions       integer not null,
    pull_out_sessions      integer not null,
    delivery               varchar(20),
    max_group_size         integer not null,
    start_date             date,
    end_date               date
);
create index known_mandate_student on known_mandate (student_id);
create index known_mandate_iep on known_mandate (iep_id);

create table known_goal (
    goal_id             uuid primary key,
    iep_id              uuid not null,
    student_id          uuid not null,
    area                varchar(60),
    description         varchar(4000),
    measurement_method  varchar(40),
    skill_stage         varchar(40),
    service_type        varchar(60),
    target_percent      integer
);
create index known_goal_iep on known_goal (iep_id);

-- Medicaid and consent facts of the student (ServiceProfileUpdated).
create table service_profile (
    student_id            uuid primary key,
    medicaid_id           varchar(60),
    diagnosis_codes       varchar(1000),
    billing_consent       boolean not null,
    billing_consent_date  date,
    updated_at            timestamptz not null
);

-- One student's part in one scheduled occurrence (SessionSeriesScheduled/Changed); a cancelled
-- one stays with status CANCELLED so a log refers to something readable. start_time is null only
-- for a row an OccurrenceCancelled created before the series itself arrived.
create table scheduled_occurrence (
    occurrence_id     uuid not null,
    student_id        uuid not null,
    series_id         uuid not null,
    mandate_id        uuid,
    provider_id       uuid,
    service_type      varchar(60),
    setting           varchar(20),
    school_id         uuid,
    class_id          uuid,
    teacher_ids       varchar(2000),
    activity_subject  varchar(40),
    room              varchar(200),
    occurrence_date   date not null,
    start_time        time,
    minutes           integer not null,
    group_size        integer not null,
    status            varchar(20) not null,
    cancel_reason     varchar(60),
    cancel_note       varchar(2000),
    updated_at        timestamptz not null,
    primary key (occurrence_id, student_id)
);
create index scheduled_occurrence_series on scheduled_occurrence (series_id, student_id);
create index scheduled_occurrence_provider on scheduled_occurrence (provider_id, occurrence_date);
create index scheduled_occurrence_student on scheduled_occurrence (student_id, occurrence_date);
