-- A makeup session repays misses: one row per (log, student, miss). Minutes are allocated when
-- the log is completed; a draft repays nothing yet.
create table makeup_link (
    session_log_id  uuid not null references session_log (id),
    student_id      uuid not null,
    miss_id         uuid not null references missed_session (id),
    minutes         integer not null default 0 check (minutes >= 0),
    primary key (session_log_id, student_id, miss_id)
);
create index makeup_link_miss on makeup_link (miss_id);
