-- Idempotent consumers: one row per (event, consumer), inserted in the same transaction as the
-- projection change, so a redelivered event is recognised and changes nothing.
create table consumed_event (
    event_id     uuid not null,
    consumer     varchar(100) not null,
    event_type   varchar(100) not null,
    subject      varchar(100) not null,
    consumed_at  timestamptz not null,
    primary key (event_id, consumer)
);
