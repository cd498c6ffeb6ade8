-- Issue 13: the schools' calendars (CalendarChanged) and closures (SchoolClosed) from
-- schedule.events, to count school days for the undocumented sweep and to turn a closure into
-- misses whichever arrives first, the closure or the occurrence.

-- The latest CalendarChanged per school and school year (the event carries the whole year).
create table school_calendar (
    school_id    uuid not null,
    school_year  varchar(20) not null,
    first_day    date not null,
    last_day     date not null,
    event_time   timestamptz not null,
    primary key (school_id, school_year)
);

-- Each weekday of that year: INSTRUCTIONAL, or the kind of day off (HOLIDAY, BREAK,
-- PROFESSIONAL_DAY, CLOSURE).
create table school_calendar_day (
    school_id    uuid not null,
    school_year  varchar(20) not null,
    day          date not null,
    kind         varchar(30) not null,
    primary key (school_id, school_year, day)
);
create index school_calendar_day_school on school_calendar_day (school_id, day);

create table school_closure (
    school_id  uuid not null,
    day        date not null,
    reason     varchar(2000),
    primary key (school_id, day)
);
