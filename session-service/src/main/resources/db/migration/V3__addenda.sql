-- Corrections to a completed (locked) log. The log's lines show the current values; every
-- change keeps its old value here, so the original stays readable and the history auditable.
create table session_addendum (
    id                  uuid primary key,
    session_log_id      uuid not null references session_log (id),
    author              varchar(200) not null,
    author_credentials  varchar(100),
    reason              varchar(2000) not null,
    created_at          timestamptz not null
);
create index session_addendum_log on session_addendum (session_log_id, created_at);

create table addendum_change (
    addendum_id  uuid not null references session_addendum (id),
    student_id   uuid not null,
    field        varchar(40) not null,
    old_value    varchar(4000),
    new_value    varchar(4000),
    primary key (addendum_id, student_id, field)
);
