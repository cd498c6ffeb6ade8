create table session_log (
    id                 uuid primary key,
    provider_id        uuid not null,
    session_date       date not null,
    start_time         time not null,
    end_time           time not null,
    setting            varchar(20) not null,
    format             varchar(20) not null,
    status             varchar(20) not null,
    signed_by          varchar(200),
    signer_credentials varchar(100),
    signed_at          timestamptz,
    note               varchar(4000),
    idempotency_key    varchar(200) unique,
    request_hash       varchar(64),
    created_at         timestamptz not null,
    version            bigint not null default 0,
    constraint session_log_times check (end_time > start_time)
);
create index session_log_provider_date on session_log (provider_id, session_date);

create table session_attendance (
    session_log_id  uuid not null references session_log (id),
    student_id      uuid not null,
    mandate_id      uuid not null,
    attendance      varchar(20) not null,
    minutes         integer not null check (minutes >= 0),
    primary key (session_log_id, student_id)
);
create index session_attendance_student on session_attendance (student_id);

create table missed_session (
    id            uuid primary key,
    student_id    uuid not null,
    mandate_id    uuid not null,
    provider_id   uuid not null,
    setting       varchar(20) not null,
    session_date  date not null,
    minutes       integer not null check (minutes > 0),
    reason        varchar(40) not null,
    note          varchar(2000),
    owed          varchar(20) not null,
    created_at    timestamptz not null
);
create index missed_session_student on missed_session (student_id, session_date);
