-- Goals say which way is better and what their measure needs. Every goal written before this
-- was a skill to increase, so existing rows read INCREASE.
alter table iep_goal add column direction varchar(10) not null default 'INCREASE'
    check (direction in ('INCREASE', 'DECREASE'));
-- The target in the goal's own measure when it is not a percentage (count, duration, rubric score).
alter table iep_goal add column target_value double precision check (target_value >= 0);
alter table iep_goal add column duration_unit varchar(10) check (duration_unit in ('SECONDS', 'MINUTES'));
alter table iep_goal add column scale_min integer;
alter table iep_goal add column scale_max integer;
alter table iep_goal add constraint iep_goal_rubric_scale
    check (scale_min is null or scale_max is null or (scale_min >= 0 and scale_max <= 100 and scale_min < scale_max));
