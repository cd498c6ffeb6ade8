-- Projection of session.events: one row per student per completed session log. An amended
-- log replaces its row (same key), so minutes are never counted twice.
create table delivered_session (
    session_log_id  uuid not null,
    student_id      uuid not null,
    mandate_id      uuid not null,
    provider_id     uuid not null,
    setting         varchar(20) not null,
    session_date    date not null,
    minutes         integer not null,
    event_id        uuid not null,
    recorded_at     timestamptz not null,
    primary key (session_log_id, student_id)
);
create index delivered_session_student on delivered_session (student_id, session_date);

-- Minutes of a makeup session that repay a miss; they count toward the missed period.
create table makeup_repayment (
    session_log_id  uuid not null,
    student_id      uuid not null,
    miss_id         uuid not null,
    minutes         integer not null,
    primary key (session_log_id, student_id, miss_id),
    foreign key (session_log_id, student_id) references delivered_session (session_log_id, student_id)
);
create index makeup_repayment_miss on makeup_repayment (miss_id);

create table missed_session (
    miss_id       uuid primary key,
    student_id    uuid not null,
    mandate_id    uuid not null,
    provider_id   uuid not null,
    setting       varchar(20) not null,
    session_date  date not null,
    minutes       integer not null,
    reason        varchar(40) not null,
    owed          varchar(20) not null,
    event_id      uuid not null,
    recorded_at   timestamptz not null
);
create index missed_session_student on missed_session (student_id, session_date);
