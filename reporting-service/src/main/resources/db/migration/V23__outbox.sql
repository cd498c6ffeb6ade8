-- Reporting publishes RecordAccessed (its own reads, README "Access") through the transactional
-- outbox of event-backbone. The table is event-backbone's db/outbox/V0_1 verbatim: that script's
-- version sorts before the V1..V22 already applied to reporting databases, so Flyway would refuse
-- it there; this copy runs in order everywhere. Keep it in step with event-backbone's script.
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
