-- A weekly recurring session of one provider with one or more students (a group).
create table session_series (
    id                    uuid primary key,
    provider_id           uuid not null,
    school_id             uuid not null,
    service_type          varchar(40) not null,
    setting               varchar(10) not null,
    class_id              uuid,
    activity_block_id     uuid,
    room                  varchar(100),
    day_of_week           varchar(9) not null,
    start_time            time not null,
    duration_minutes      integer not null check (duration_minutes > 0),
    effective_from        date not null,
    effective_to          date not null,
    -- the series ends early from this date on (cancelled); null while it runs its course
    cancelled_from        date,
    cancel_reason         varchar(500),
    -- hard conflicts accepted on purpose: why, and which kinds
    override_reason       varchar(500),
    overridden_conflicts  varchar(1000),
    idempotency_key       varchar(200) unique,
    request_hash          varchar(64),
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint not null default 0,
    check (effective_to >= effective_from)
);
create index session_series_provider on session_series (provider_id);
create index session_series_school on session_series (school_id);
create index session_series_class on session_series (class_id);

-- The students of a series, each served under one of their mandates, from joined_from until
-- the day before left_from (a student leaving the group keeps their earlier occurrences).
create table series_student (
    series_id    uuid not null references session_series (id) on delete cascade,
    student_id   uuid not null,
    mandate_id   uuid not null,
    joined_from  date not null,
    left_from    date,
    primary key (series_id, student_id)
);
create index series_student_student on series_student (student_id);
create index series_student_mandate on series_student (mandate_id);

-- The dated occurrences a series generates over the school calendar. original_date identifies
-- an occurrence within its series (it keeps its id across regenerations); occurs_on and
-- start_time differ from the series' pattern once it was moved.
create table session_occurrence (
    id             uuid primary key,
    series_id      uuid not null references session_series (id) on delete cascade,
    original_date  date not null,
    occurs_on      date not null,
    start_time     time not null,
    minutes        integer not null,
    status         varchar(12) not null,
    cancel_reason  varchar(30),
    cancel_note    varchar(500),
    moved          boolean not null default false,
    -- a move that accepted hard conflicts on purpose: why
    override_reason varchar(500),
    version        bigint not null default 0,
    unique (series_id, original_date)
);
create index session_occurrence_day on session_occurrence (occurs_on);
