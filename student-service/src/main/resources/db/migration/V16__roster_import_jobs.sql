-- Async roster imports (issue 15): the job a "Prefer: respond-async" import answers with 202, and the
-- uploaded zip, kept in the database (the service runs as several replicas on one database; any of
-- them may run the job, and a job whose replica died is taken over when its lease runs out).
create table roster_import_job (
    id              uuid primary key,          -- also the id of the import report it ends with
    state           text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    options         jsonb       not null,      -- dryRun, source, confirmMassDeactivation, districts
    zip_size        bigint      not null,
    received_at     timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    owner           text,                      -- the replica running it
    lease_until     timestamptz,               -- RUNNING past this: its replica is gone, another takes it
    attempts        int         not null default 0,
    current_file    text,
    progress        jsonb       not null default '{}'::jsonb, -- file name -> rows read so far
    problem         jsonb                      -- FAILED: the problem+json the synchronous form would answer
);
create index roster_import_job_claimable on roster_import_job (received_at) where state in ('QUEUED', 'RUNNING');

-- The zip in parts (a few MB each: written and read streaming, never whole in memory); deleted when the job ends.
create table roster_import_upload (
    job_id  uuid  not null references roster_import_job (id) on delete cascade,
    part    int   not null,
    data    bytea not null,
    primary key (job_id, part)
);
