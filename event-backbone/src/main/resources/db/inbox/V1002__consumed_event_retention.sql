-- The retention job deletes ledger rows older than consumer.ledger.retention, by age.
create index consumed_event_consumed_at on consumed_event (consumed_at);
