-- Issue 17: each scheduler job keeps the upper bound of placeable minutes of its problem
-- (solver.PlaceableMinutesBound), so any replica reports placed / bound; null for older jobs.
alter table scheduler_job add column upper_bound_minutes integer;
