-- Schools belong to student-service; here they are referenced by id.
create table bell_schedule (
    id          uuid primary key,
    school_id   uuid not null,
    name        varchar(100) not null,
    is_default  boolean not null,
    version     bigint not null default 0,
    unique (school_id, name)
);
create unique index bell_schedule_one_default on bell_schedule (school_id) where is_default;

create table bell_period (
    bell_schedule_id  uuid not null references bell_schedule (id) on delete cascade,
    position          integer not null,
    name              varchar(100) not null,
    start_time        time not null,
    end_time          time not null,
    primary key (bell_schedule_id, position),
    check (end_time > start_time)
);

-- A date that follows another bell schedule than the default (early release, testing day).
create table bell_schedule_day (
    school_id         uuid not null,
    day               date not null,
    bell_schedule_id  uuid not null references bell_schedule (id) on delete cascade,
    primary key (school_id, day)
);

create table school_calendar (
    id           uuid primary key,
    school_id    uuid not null,
    school_year  varchar(9) not null,
    first_day    date not null,
    last_day     date not null,
    version      bigint not null default 0,
    unique (school_id, school_year),
    check (last_day > first_day)
);

create table non_instructional_day (
    calendar_id  uuid not null references school_calendar (id) on delete cascade,
    day          date not null,
    kind         varchar(30) not null,
    description  varchar(200),
    primary key (calendar_id, day)
);
