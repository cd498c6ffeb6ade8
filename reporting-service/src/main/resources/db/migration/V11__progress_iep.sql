-- IEP versions, their goals and mandates (from IepActivated / IepAmended / IepEnded), written only
-- by "reporting.progress.iep". Versions are kept side by side: which version is current, and when a
-- superseded version's mandates stop, is decided when reading (latest effective date wins), so the
-- result does not depend on the order the versions arrived in.
create table progress_iep (
    iep_id             uuid primary key,
    student_id         uuid not null,
    supersedes_iep_id  uuid,
    effective_from     date,          -- null while only an IepEnded for it has been seen
    end_date           date,
    ended_on           date,          -- set by IepEnded only
    event_time         timestamptz
);
create index progress_iep_student on progress_iep (student_id);
create index progress_iep_supersedes on progress_iep (supersedes_iep_id);

-- One row per goal per IEP version: a goal carried over by an amendment appears in both versions.
create table progress_goal (
    iep_id              uuid not null,
    goal_id             uuid not null,
    student_id          uuid not null,
    position            integer not null,
    area                varchar(60),
    description         text,
    baseline            text,
    target              text,
    target_percent      integer,
    measurement_method  varchar(40),
    skill_stage         varchar(40),
    service_type        varchar(40),
    primary key (iep_id, goal_id)
);
create index progress_goal_student on progress_goal (student_id);

create table progress_mandate (
    mandate_id             uuid primary key,
    iep_id                 uuid not null,
    student_id             uuid not null,
    service_type           varchar(40) not null,
    provider_discipline    varchar(40),
    provider_id            uuid,
    sessions_per_interval  integer not null,
    minutes_per_session    integer not null,
    interval_unit          varchar(20) not null,
    push_in_sessions       integer not null,
    pull_out_sessions      integer not null,
    start_date             date not null,
    end_date               date not null
);
create index progress_mandate_provider on progress_mandate (provider_id);
create index progress_mandate_student on progress_mandate (student_id);
