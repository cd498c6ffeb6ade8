-- When a provider is at which school, per weekday.
create table availability_window (
    id           uuid primary key,
    provider_id  uuid not null,
    school_id    uuid not null,
    day_of_week  varchar(9) not null,
    start_time   time not null,
    end_time     time not null,
    version      bigint not null default 0,
    check (end_time > start_time)
);
create index availability_window_provider on availability_window (provider_id, day_of_week);

-- Minutes between two schools, either way. provider_id null is the district default; a
-- provider's own value wins over it. school_a sorts before school_b (as text).
create table travel_time (
    id           uuid primary key,
    provider_id  uuid,
    school_a     uuid not null,
    school_b     uuid not null,
    minutes      integer not null check (minutes >= 0),
    check (school_a <> school_b)
);
create unique index travel_time_pair on travel_time
    (coalesce(provider_id, '00000000-0000-0000-0000-000000000000'::uuid), school_a, school_b);

create table provider_limits (
    provider_id           uuid primary key,
    max_sessions_per_day  integer check (max_sessions_per_day > 0),
    version               bigint not null default 0
);
