-- Transactional outbox: written in the same transaction as the state change it announces,
-- published to Kafka afterwards by OutboxRelay. A Kafka outage leaves rows waiting here.
create table outbox_event (
    id            uuid primary key,              -- the CloudEvents id: consumers deduplicate on it
    seq           bigserial not null unique,     -- publication order
    topic         varchar(100) not null,
    message_key   varchar(100) not null,         -- Kafka key = student id, keeps one student's events in order
    event_type    varchar(100) not null,
    payload       text not null,                 -- the whole CloudEvents envelope as JSON
    created_at    timestamptz not null,
    published_at  timestamptz,
    attempts      integer not null default 0,
    last_error    varchar(1000)
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;
