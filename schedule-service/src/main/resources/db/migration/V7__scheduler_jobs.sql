-- Scheduler jobs in the database, so that every replica answers for every job (issue 14). The
-- solving itself runs in one pod (owner), which refreshes heartbeat_at while it works; a job whose
-- heartbeat is older than the lease is marked FAILED by any replica (its pod died).
create table scheduler_job (
    id                uuid primary key,
    provider_id       uuid not null,
    school_id         uuid,
    week_of           date,
    state             varchar(10) not null,
    owner             varchar(200) not null,
    submitted_at      timestamptz not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    heartbeat_at      timestamptz not null,
    cancel_requested  boolean not null default false,
    score             varchar(100),
    feasible          boolean not null default false,
    placed_minutes    integer not null default 0,
    mandated_minutes  integer not null default 0,
    -- the problem as submitted and the origin notes (JSON), the best week once finished (JSON)
    problem           text not null,
    notes             text not null,
    result            text,
    error             varchar(2000)
);
-- At most one queued or solving job per provider, whichever replica took it.
create unique index scheduler_job_one_active on scheduler_job (provider_id) where state in ('QUEUED', 'SOLVING');
create index scheduler_job_submitted on scheduler_job (submitted_at desc);

-- Proposed sessions of a job accepted as series.
create table scheduler_job_accepted (
    job_id      uuid not null references scheduler_job (id) on delete cascade,
    session_id  uuid not null,
    series_id   uuid not null,
    primary key (job_id, session_id)
);
