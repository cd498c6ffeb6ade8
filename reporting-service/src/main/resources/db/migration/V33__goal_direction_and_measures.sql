-- Goals carry which way is better and their measure details (iep.events, optional fields: a goal
-- from an older event has direction null and reads as INCREASE); goal data carries DURATION and
-- RUBRIC values (session.events).
alter table progress_goal add column direction varchar(10);
alter table progress_goal add column target_value double precision;
alter table progress_goal add column duration_unit varchar(10);
alter table progress_goal add column scale_min integer;
alter table progress_goal add column scale_max integer;

alter table progress_goal_point add column duration_seconds integer;
alter table progress_goal_point add column rubric_score integer;
