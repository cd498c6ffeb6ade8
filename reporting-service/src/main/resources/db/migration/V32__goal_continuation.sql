-- A goal of an amended IEP version may continue a goal of the version it amends (continuesGoalId):
-- its progress is read across the chain.
alter table progress_goal add column continues_goal_id uuid;
