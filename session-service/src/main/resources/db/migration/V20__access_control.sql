-- Issue 8: access control and the FERPA access audit.

-- Caseload assignments from CaseloadAssignmentChanged (roster.events): with the provider's own scheduled
-- occurrences they decide which students a provider may see and document. event_time is the time of the
-- event that last changed the row, so an older event arriving late does not undo a newer one.
create table caseload_assignment (
    assignment_id  uuid primary key,
    student_id     uuid not null,
    provider_id    uuid not null,
    service_type   varchar(60),
    mandate_id     uuid,
    start_date     date,
    end_date       date,
    active         boolean not null,
    event_time     timestamptz not null,
    updated_at     timestamptz not null
);
create index caseload_assignment_provider on caseload_assignment (provider_id, student_id);
create index caseload_assignment_student on caseload_assignment (student_id);

-- School and district scopes filter through the student's school.
create index known_student_school on known_student (school_id);
create index scheduled_occurrence_provider_student on scheduled_occurrence (provider_id, student_id);
create index missed_session_provider on missed_session (provider_id, session_date);

-- Who signed, from the token (the signer must be the log's provider), and who wrote an addendum.
alter table session_log add column signer_id uuid;
alter table session_addendum add column author_subject varchar(200);
alter table session_addendum add column author_role varchar(40);
