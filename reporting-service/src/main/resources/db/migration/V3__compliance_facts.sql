-- Facts the compliance projection is computed from, one table per kind of fact, each kept as the
-- events state it. Every row carries the envelope time of the event that wrote it (event_time),
-- so a late or replayed event can be told from a newer one whatever order the topics deliver in.

-- roster.events -------------------------------------------------------------------------------
create table school (
    school_id    uuid primary key,
    district_id  uuid,
    name         varchar(200),
    time_zone    varchar(60),
    status       varchar(20),
    event_time   timestamptz not null
);
create index school_district on school (district_id);

-- A student may be known from a deactivation before their StudentUpserted arrives: the roster
-- columns stay null until it does.
create table student (
    student_id      uuid primary key,
    given_name      varchar(100),
    family_name     varchar(100),
    grade           varchar(20),
    school_id       uuid,
    status          varchar(20),
    upserted_at     timestamptz,
    deactivated_on  date,
    deactivated_at  timestamptz
);
create index student_school on student (school_id);

create table staff (
    staff_id     uuid primary key,
    given_name   varchar(100),
    family_name  varchar(100),
    discipline   varchar(20),
    credentials  varchar(100),
    status       varchar(20),
    event_time   timestamptz not null
);

-- iep.events ----------------------------------------------------------------------------------
-- One row per IEP version (activation or amendment). A version supersedes the one it names from
-- its effective date: the superseded version's mandates end the day before.
create table iep_version (
    iep_id             uuid primary key,
    student_id         uuid not null,
    supersedes_iep_id  uuid,
    effective_from     date not null,
    end_date           date,
    kind               varchar(20) not null,
    event_time         timestamptz not null
);
create index iep_version_student on iep_version (student_id);

create table iep_ending (
    iep_id      uuid primary key,
    student_id  uuid not null,
    ended_on    date not null,
    reason      varchar(200),
    event_time  timestamptz not null
);

-- The mandate table (V2) keeps what the IEP states; effective_end is derived from the stated end,
-- supersession, an IepEnded and the student's deactivation. chain_id is the first mandate of the
-- service (continuesMandateId links versions of one service across IEP versions).
alter table mandate add column continues_mandate_id uuid;
alter table mandate add column provider_id uuid;
alter table mandate add column provider_discipline varchar(20);
alter table mandate add column delivery varchar(20);
alter table mandate add column event_time timestamptz;
alter table mandate add column effective_end date;
alter table mandate add column chain_id uuid;
create index mandate_chain on mandate (chain_id);

-- schedule.events -----------------------------------------------------------------------------
-- A student's part in a series: the latest full state (SessionSeriesScheduled/Changed) by event time.
create table session_series (
    series_id         uuid not null,
    student_id        uuid not null,
    mandate_id        uuid,
    provider_id       uuid,
    service_type      varchar(40),
    setting           varchar(20) not null,
    school_id         uuid,
    class_id          uuid,
    activity_subject  varchar(40),
    room              varchar(100),
    day_of_week       varchar(10),
    start_time        time,
    duration_minutes  integer not null,
    effective_from    date,
    effective_to      date,
    group_size        integer not null,
    state_time        timestamptz not null,
    primary key (series_id, student_id)
);
create index session_series_mandate on session_series (mandate_id);

-- The occurrences the latest series state lists; core_overlap is its JSON list of {subject, minutes}.
create table series_occurrence (
    occurrence_id  uuid not null,
    student_id     uuid not null,
    series_id      uuid not null,
    occurs_on      date not null,
    start_time     time,
    minutes        integer not null,
    core_overlap   text not null,
    primary key (occurrence_id, student_id)
);
create index series_occurrence_series on series_occurrence (series_id, student_id);

create table series_cancellation (
    series_id       uuid not null,
    student_id      uuid not null,
    mandate_id      uuid,
    effective_from  date not null,
    reason          varchar(200),
    event_time      timestamptz not null,
    primary key (series_id, student_id)
);

create table occurrence_cancellation (
    occurrence_id  uuid not null,
    student_id     uuid not null,
    series_id      uuid not null,
    cancelled_on   date not null,
    reason         varchar(40),
    event_time     timestamptz not null,
    primary key (occurrence_id, student_id)
);

create table occurrence_move (
    occurrence_id  uuid not null,
    student_id     uuid not null,
    series_id      uuid not null,
    original_date  date,
    moved_to       date not null,
    start_time     time,
    minutes        integer not null,
    core_overlap   text not null,
    event_time     timestamptz not null,
    primary key (occurrence_id, student_id)
);

create table school_closure (
    school_id   uuid not null,
    closed_on   date not null,
    reason      varchar(200),
    event_time  timestamptz not null,
    primary key (school_id, closed_on)
);

create table bell_schedule (
    bell_schedule_id      uuid primary key,
    school_id             uuid not null,
    name                  varchar(100),
    is_default            boolean not null,
    instructional_minutes integer not null,
    removed               boolean not null,
    event_time            timestamptz not null
);
create index bell_schedule_school on bell_schedule (school_id);

-- What the schedule facts resolve to for one student: every occurrence of their series with
-- moves applied, and whether it still takes place (SCHEDULED) or not (CANCELLED, with why).
create table effective_occurrence (
    occurrence_id  uuid not null,
    student_id     uuid not null,
    series_id      uuid not null,
    mandate_id     uuid,
    provider_id    uuid,
    setting        varchar(20) not null,
    school_id      uuid,
    occurs_on      date not null,
    start_time     time,
    minutes        integer not null,
    status         varchar(20) not null,
    cancel_reason  varchar(40),
    primary key (occurrence_id, student_id)
);
create index effective_occurrence_mandate on effective_occurrence (student_id, mandate_id, occurs_on);
create index effective_occurrence_school on effective_occurrence (school_id, occurs_on);
create index effective_occurrence_series on effective_occurrence (series_id, student_id);

-- Minutes of core instruction a pull-out occurrence takes the student out of, by subject.
create table effective_occurrence_core (
    occurrence_id  uuid not null,
    student_id     uuid not null,
    subject        varchar(40) not null,
    minutes        integer not null,
    primary key (occurrence_id, student_id, subject)
);

-- session.events ------------------------------------------------------------------------------
-- A row is the latest state of the student's part in a log: SessionCompleted, then addenda by
-- event time. An addendum to 0 minutes keeps the row (minutes 0) so its time stays on record.
alter table delivered_session add column occurrence_id uuid;
alter table delivered_session add column amended boolean not null default false;
alter table delivered_session add column event_time timestamptz;
create index delivered_session_occurrence on delivered_session (occurrence_id);
create index delivered_session_mandate on delivered_session (student_id, mandate_id, session_date);
-- A projection keeps no cross-table constraint: a rebuild copies tables with LIKE, which cannot carry it.
alter table makeup_repayment drop constraint if exists makeup_repayment_session_log_id_student_id_fkey;

-- owed is the verdict in force: the policy's (policy_owed) unless a MissResolved decided otherwise.
alter table missed_session add column occurrence_id uuid;
alter table missed_session add column policy_owed varchar(20);
alter table missed_session add column event_time timestamptz;
update missed_session set policy_owed = owed;
create index missed_session_occurrence on missed_session (occurrence_id);
create index missed_session_mandate on missed_session (student_id, mandate_id, session_date);

create table miss_resolution (
    miss_id     uuid primary key,
    student_id  uuid not null,
    mandate_id  uuid,
    owed        varchar(20) not null,
    decided_by  varchar(200),
    decided_on  date,
    note        text,
    event_time  timestamptz not null
);
