-- Sessions as documented (session.events), written only by "reporting.progress.sessions":
-- one row per student per completed session log with its push-in context and progress note, the
-- goal data taken, and the misses. SessionAmended replaces minutes, setting and date (0 minutes:
-- no longer credited, its goal data no longer counts).
create table progress_session (
    session_log_id         uuid not null,
    student_id             uuid not null,
    completed              boolean not null,     -- false while only an amendment has been seen
    mandate_id             uuid,
    provider_id            uuid,
    setting                varchar(20),
    session_date           date,
    minutes                integer not null,
    makeup_minutes         integer not null,
    service_type           varchar(40),
    format                 varchar(20),
    start_time             time,
    end_time               time,
    attendance             varchar(20),
    progress_note          text,
    class_id               uuid,
    teacher_id             uuid,
    activity_subject       varchar(40),
    co_teaching_model      varchar(40),
    classroom_structure    varchar(20),
    teacher_debrief_note   text,
    non_instructional      boolean,
    amended_time           timestamptz,
    primary key (session_log_id, student_id)
);
create index progress_session_student on progress_session (student_id, session_date);
create index progress_session_provider on progress_session (provider_id, session_date);
create index progress_session_class on progress_session (class_id, session_date);

create table progress_goal_point (
    session_log_id           uuid not null,
    student_id               uuid not null,
    position                 integer not null,
    goal_id                  uuid not null,
    measure                  varchar(20),
    correct                  integer,
    total                    integer,
    percent                  double precision,
    count                    integer,
    intervals_observed       integer,
    intervals_with_behavior  integer,
    cue_level                varchar(20),
    probe_result             text,
    note                     text,
    primary key (session_log_id, student_id, position)
);
create index progress_goal_point_goal on progress_goal_point (student_id, goal_id);

-- A MissResolved may be seen before its SessionMissed: the row then only carries the resolution.
create table progress_miss (
    miss_id        uuid primary key,
    student_id     uuid not null,
    mandate_id     uuid,
    provider_id    uuid,
    setting        varchar(20),
    session_date   date,
    minutes        integer,
    reason         varchar(40),
    owed           varchar(20),
    resolved_owed  varchar(20),
    resolved_time  timestamptz
);
create index progress_miss_provider on progress_miss (provider_id, session_date);
create index progress_miss_student on progress_miss (student_id, session_date);
