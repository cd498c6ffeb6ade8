-- A row Kafka refuses for good (too large, or failing max-attempts times for a reason that is not a
-- broker outage) is PARKED: parked_at is set, the relay skips it and the rows behind it flow on.
-- Status of a row: PUBLISHED (published_at set), PARKED (parked_at set), else PENDING.
alter table outbox_event add column parked_at timestamptz;
-- The relay reads only pending rows that are not parked.
create index outbox_event_relayable on outbox_event (seq) where published_at is null and parked_at is null;
drop index outbox_event_pending;
create index outbox_event_parked on outbox_event (seq) where parked_at is not null;
-- The retention job deletes published rows by age.
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
