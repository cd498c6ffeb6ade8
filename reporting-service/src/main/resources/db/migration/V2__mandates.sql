-- Service mandates as the IEPs in force state them (from iep.events). A superseding IEP ends
-- the previous one's mandates the day before it takes effect; rows are never deleted.
create table mandate (
    mandate_id            uuid primary key,
    iep_id                uuid not null,
    student_id            uuid not null,
    service_type          varchar(40) not null,
    sessions_per_interval integer not null,
    minutes_per_session   integer not null,
    interval_unit         varchar(20) not null,
    push_in_sessions      integer not null,
    pull_out_sessions     integer not null,
    start_date            date not null,
    end_date              date not null,
    event_id              uuid not null
);
create index mandate_student on mandate (student_id);
create index mandate_iep on mandate (iep_id);
