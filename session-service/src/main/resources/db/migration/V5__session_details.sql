-- What a session log says beyond minutes: the scheduled occurrence it documents, the push-in
-- classroom context, per student the service and a progress note, and goal data per IEP goal.
alter table session_log add column occurrence_id uuid;
alter table session_log add column push_in_class_id uuid;
alter table session_log add column push_in_teacher_id uuid;
alter table session_log add column push_in_activity_subject varchar(40);
alter table session_log add column push_in_co_teaching_model varchar(40);
alter table session_log add column push_in_classroom_structure varchar(20);
alter table session_log add column push_in_teacher_debrief_note varchar(4000);
create index session_log_occurrence on session_log (occurrence_id);
create index session_log_date on session_log (session_date);

alter table session_attendance add column service_type varchar(60);
alter table session_attendance add column progress_note varchar(4000);

create table goal_observation (
    id                       uuid primary key,
    session_log_id           uuid not null references session_log (id),
    student_id               uuid not null,
    position                 integer not null,
    goal_id                  uuid not null,
    measure                  varchar(20) not null,
    correct                  integer,
    total                    integer,
    percent                  numeric(5, 1),
    count                    integer,
    intervals_observed       integer,
    intervals_with_behavior  integer,
    cue_level                varchar(20),
    probe_result             varchar(2000),
    note                     varchar(4000)
);
create index goal_observation_log on goal_observation (session_log_id, student_id, position);
create index goal_observation_goal on goal_observation (goal_id);
