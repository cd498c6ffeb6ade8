-- Copy of student-service's caseload assignments (CaseloadAssignmentChanged on roster.events): which
-- provider serves which student. It decides what a provider may see (FERPA legitimate educational
-- interest). No foreign keys: an assignment may arrive before its student or mandate.
create table caseload_assignment (
    id            uuid primary key,
    student_id    uuid not null,
    provider_id   uuid not null,
    service_type  varchar(40),
    mandate_id    uuid,
    start_date    date,
    end_date      date,
    active        boolean not null,
    -- the time of the event that wrote this row: an older event arriving later changes nothing
    event_time    timestamptz,
    updated_at    timestamptz not null
);
create index caseload_assignment_provider on caseload_assignment (provider_id, student_id);
create index caseload_assignment_mandate on caseload_assignment (mandate_id);
