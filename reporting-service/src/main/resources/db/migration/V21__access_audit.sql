-- The FERPA access trail: every RecordAccessed of audit.events (who read, changed or exported
-- which students' records, when, through which service and endpoint, for what stated purpose).
-- Not a projection: a rebuild never replays or swaps it (the topic's retention may be shorter than
-- the years a district keeps its trail), and it is append-only: the service only inserts, and the
-- trigger below refuses any update, delete or truncate, so a row once recorded stays as recorded.
create table access_record (
    access_id     uuid primary key,
    actor         text,
    actor_role    text,
    action        text,
    service       text,
    resource_type text,
    resource_id   text,
    student_ids   uuid[] not null default '{}',
    purpose       text,
    method        text,
    path          text,
    accessed_at   timestamptz not null,
    recorded_at   timestamptz not null default now()
);
-- Newest first, by time window; by actor; by student (array containment).
create index access_record_accessed on access_record (accessed_at desc, access_id);
create index access_record_actor on access_record (actor, accessed_at desc);
create index access_record_students on access_record using gin (student_ids);

create function access_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_record is append-only (% refused)', tg_op;
end
$$;
create trigger access_record_no_update_delete before update or delete on access_record
    for each row execute function access_record_append_only();
create trigger access_record_no_truncate before truncate on access_record
    for each statement execute function access_record_append_only();
