-- Scheduled series and their dated occurrences (schedule.events), written only by
-- "reporting.progress.schedule": the teacher's view of upcoming push-in sessions.
-- state_time is the time of the series snapshot (SessionSeriesScheduled/Changed) last applied;
-- an older snapshot is ignored. ended_from/ended_time come from SessionSeriesCancelled.
create table progress_series (
    series_id         uuid not null,
    student_id        uuid not null,
    mandate_id        uuid,
    provider_id       uuid,
    service_type      varchar(40),
    setting           varchar(20),
    school_id         uuid,
    class_id          uuid,
    activity_subject  varchar(40),
    room              varchar(200),
    group_size        integer,
    state_time        timestamptz,
    ended_from        date,
    ended_time        timestamptz,
    primary key (series_id, student_id)
);
create index progress_series_class on progress_series (class_id);

create table progress_series_teacher (
    series_id   uuid not null,
    student_id  uuid not null,
    teacher_id  uuid not null,
    primary key (series_id, student_id, teacher_id)
);
create index progress_series_teacher_teacher on progress_series_teacher (teacher_id);

-- One row per occurrence per student. A cancellation or a move newer than the snapshot that listed
-- the occurrence wins over it (state_time), whatever order the events arrive in.
create table progress_occurrence (
    occurrence_id  uuid not null,
    student_id     uuid not null,
    series_id      uuid not null,
    occurs_on      date not null,
    start_time     time,
    minutes        integer not null,
    cancelled      boolean not null,
    state_time     timestamptz not null,
    primary key (occurrence_id, student_id)
);
create index progress_occurrence_series on progress_occurrence (series_id, student_id);
create index progress_occurrence_date on progress_occurrence (occurs_on);
