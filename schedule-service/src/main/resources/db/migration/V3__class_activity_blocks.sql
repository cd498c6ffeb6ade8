-- Periods can be marked non-instructional (lunch, recess) so the school day's instructional
-- minutes (BellScheduleChanged) leave them out. Existing periods count as instructional.
alter table bell_period add column instructional boolean not null default true;

-- What a class does when, per weekday: the anchor of push-in sessions and the core instruction
-- a pull-out takes a student away from.
create table activity_block (
    id               uuid primary key,
    class_id         uuid not null,
    school_id        uuid not null,
    day_of_week      varchar(9) not null,
    start_time       time not null,
    end_time         time not null,
    subject          varchar(30) not null,
    core             boolean not null,
    structure        varchar(10) not null,
    push_in_openness varchar(12) not null,
    note             varchar(500),
    version          bigint not null default 0,
    check (end_time > start_time)
);
create index activity_block_class_day on activity_block (class_id, day_of_week);
