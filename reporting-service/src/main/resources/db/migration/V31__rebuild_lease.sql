-- Rebuilds coordinated through the database across replicas: the instance running a rebuild keeps
-- a lease (heartbeat_at, lease_until, database time); a starting instance fails and cleans up only
-- a rebuild whose lease expired, never one another instance is running.
alter table projection_rebuild add column owner_instance varchar(200);
alter table projection_rebuild add column heartbeat_at timestamptz;
alter table projection_rebuild add column lease_until timestamptz;
