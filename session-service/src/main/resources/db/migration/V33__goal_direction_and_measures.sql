-- Goals carry their direction and measure details from iep.events (absent in older events:
-- direction null reads as INCREASE), and session goal data records DURATION and RUBRIC measures.
alter table known_goal add column direction varchar(10);
alter table known_goal add column target_value double precision;
alter table known_goal add column duration_unit varchar(10);
alter table known_goal add column scale_min integer;
alter table known_goal add column scale_max integer;

alter table goal_observation add column duration_seconds integer check (duration_seconds >= 0);
alter table goal_observation add column rubric_score integer;
