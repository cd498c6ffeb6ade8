-- Copies of CaseloadAssignmentChanged (roster.events): which provider is assigned to which student
-- for a service. With the series a provider runs, they decide a provider's student scope
-- (README "Access"). Latest state per assignment by event time; part of the progress projection.
create table caseload_assignment (
    assignment_id  uuid primary key,
    student_id     uuid not null,
    provider_id    uuid not null,
    service_type   varchar(40),
    mandate_id     uuid,
    start_date     date,
    end_date       date,
    active         boolean not null,
    event_time     timestamptz not null
);
create index caseload_assignment_provider on caseload_assignment (provider_id, student_id);
create index session_series_provider on session_series (provider_id, student_id);
