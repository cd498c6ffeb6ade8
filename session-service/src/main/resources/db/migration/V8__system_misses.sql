-- Issue 13: misses the system records itself (closures, cancelled occurrences, ABSENT lines in
-- signed group logs, occurrences left undocumented), next to the ones a person enters.

-- Who recorded the miss: SYSTEM (session-service, from an event or its own sweep) or PERSON
-- (recorded_by = their staff id, when the token names one). A miss of a signed log's ABSENT line
-- remembers that log. An UNDOCUMENTED miss is withdrawn when the occurrence is documented after all.
alter table missed_session add column origin varchar(10) not null default 'PERSON';
alter table missed_session add column recorded_by uuid;
alter table missed_session add column session_log_id uuid;
alter table missed_session add column withdrawn_at timestamptz;
alter table missed_session add column withdrawn_note varchar(2000);

-- One miss per student and occurrence whatever the event order or redelivery: every writer inserts
-- with "on conflict do nothing" and then reads the one row there is.
create unique index missed_session_one_per_occurrence on missed_session (occurrence_id, student_id)
    where occurrence_id is not null;
create unique index missed_session_one_per_log_line on missed_session (session_log_id, student_id)
    where session_log_id is not null;

-- How many school days an occurrence may stay undocumented before the sweep records it missed
-- (null: the service's default, misses.undocumented.after-school-days).
alter table makeup_policy add column undocumented_after_school_days integer;
