-- The school calendar (CalendarChanged on schedule.events: a school's whole school year, the latest
-- state per school and year wins) and the district's holiday policy (a reporting setting).

create table school_calendar (
    school_id    uuid not null,
    school_year  varchar(20) not null,
    first_day    date not null,
    last_day     date not null,
    event_time   timestamptz not null,
    primary key (school_id, school_year)
);

-- One row per weekday of the year that the calendar names: INSTRUCTIONAL, EARLY_RELEASE (instructional,
-- shorter bell schedule), or a day off with its kind (HOLIDAY, BREAK, PROFESSIONAL_DAY, CLOSURE).
create table school_calendar_day (
    school_id    uuid not null,
    school_year  varchar(20) not null,
    day          date not null,
    kind         varchar(30) not null,
    primary key (school_id, school_year, day)
);

-- Who recorded a miss: SYSTEM (session-service itself) or PERSON (recorded_by).
alter table missed_session add column origin varchar(10);
alter table missed_session add column recorded_by uuid;

-- Not a projection (no event states it, a rebuild never replaces it): set over REST by the district.
create table compliance_policy (
    district_id     uuid primary key,
    holiday_policy  varchar(20) not null,
    updated_at      timestamptz not null,
    updated_by      varchar(200)
);
