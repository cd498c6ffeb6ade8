-- reporting-service as one service: the goal-progress views read the copies of the events the
-- compliance consumers keep (student, staff, iep_version, iep_ending, mandate, session_series,
-- effective_occurrence, delivered_session, makeup_repayment, missed_session) instead of second
-- copies of their own. The progress projection keeps only what nothing else stores: classes and
-- enrollments, IEP goals, and what a SessionCompleted says beyond minutes (push-in context, notes,
-- goal data).

-- A series' teachers belong to its latest state, kept with it by the compliance schedule consumer.
create table series_teacher (
    series_id   uuid not null,
    student_id  uuid not null,
    teacher_id  uuid not null,
    primary key (series_id, student_id, teacher_id)
);
create index series_teacher_teacher on series_teacher (teacher_id);
insert into series_teacher (series_id, student_id, teacher_id)
select t.series_id, t.student_id, t.teacher_id
from progress_series_teacher t
join session_series s on s.series_id = t.series_id and s.student_id = t.student_id;

-- Goals carry the time of the IEP statement that listed them (was progress_iep.event_time): an
-- older statement of a version never replaces a newer one's goals.
alter table progress_goal add column event_time timestamptz;
update progress_goal g set event_time = i.event_time from progress_iep i where i.iep_id = g.iep_id;
update progress_goal set event_time = timestamptz '1970-01-01 00:00:00+00' where event_time is null;
alter table progress_goal alter column event_time set not null;

-- A session's credit (mandate, provider, setting, date, minutes after addenda, makeups) is
-- delivered_session's; progress_session keeps the rest of SessionCompleted. Rows made by an
-- addendum alone held only credit.
delete from progress_session where not completed;
alter table progress_session
    drop column completed,
    drop column mandate_id,
    drop column provider_id,
    drop column setting,
    drop column session_date,
    drop column minutes,
    drop column makeup_minutes,
    drop column amended_time;
create index progress_session_class on progress_session (class_id);
create index progress_session_teacher on progress_session (teacher_id);

drop table progress_student, progress_staff, progress_iep, progress_mandate, progress_series,
    progress_series_teacher, progress_occurrence, progress_miss;

-- The progress schedule consumer is gone (its facts are session_series' and effective_occurrence's).
delete from consumed_event where consumer = 'reporting.progress.schedule';
