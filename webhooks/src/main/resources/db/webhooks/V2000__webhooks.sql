-- Webhooks (module webhooks): subscriptions of a district to event types, the messages to deliver and
-- the persisted delivery queue with its attempt log. Versions V2000 and up: never a service's.

-- One endpoint of a district. district_id is null only in a single-district deployment (a district
-- admin token without a district); such a subscription receives every event.
create table webhook_subscription (
    id                        uuid primary key,
    district_id               uuid,
    url                       varchar(2000) not null,
    event_types               text not null,          -- comma-separated type names
    description               varchar(500),
    active                    boolean not null,
    -- The HMAC key (whsec_...). Shown once at creation or rotation; stored as given, because signing needs it.
    secret                    varchar(200) not null,
    -- The secret before the last rotation keeps signing (alongside) until previous_secret_until.
    previous_secret           varchar(200),
    previous_secret_until     timestamptz,
    created_at                timestamptz not null,
    created_by                varchar(200),
    updated_at                timestamptz not null,
    secret_rotated_at         timestamptz
);
create index webhook_subscription_district on webhook_subscription (district_id);

-- A CloudEvent as webhooks send it (public fields only), once per event: the id is the event id, which is
-- also the webhook-id header, the same on every attempt, so receivers deduplicate on it.
create table webhook_message (
    id           uuid primary key,
    event_type   varchar(100) not null,
    district_id  uuid,
    body         text not null,
    created_at   timestamptz not null
);

-- One message to one subscription. PENDING (due at next_attempt_at), DELIVERED (a 2xx answer) or FAILED
-- (max attempts used up; a redelivery makes it PENDING again). A dispatcher claims due rows with
-- FOR UPDATE SKIP LOCKED and pushes next_attempt_at past its lease, so replicas never send the same
-- row at once and a crashed dispatcher's rows come due again.
create table webhook_delivery (
    id                uuid primary key,
    subscription_id   uuid not null references webhook_subscription (id) on delete cascade,
    message_id        uuid not null references webhook_message (id),
    status            varchar(20) not null,
    attempts          integer not null default 0,
    round_attempts    integer not null default 0,   -- attempts since the last (re)delivery request
    next_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        varchar(1000),
    created_at        timestamptz not null,
    delivered_at      timestamptz,
    unique (subscription_id, message_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc);
create index webhook_delivery_message on webhook_delivery (message_id);
create index webhook_delivery_finished on webhook_delivery (created_at) where status <> 'PENDING';

-- Every attempt of a delivery: the delivery log.
create table webhook_attempt (
    delivery_id   uuid not null references webhook_delivery (id) on delete cascade,
    attempt       integer not null,
    attempted_at  timestamptz not null,
    status_code   integer,
    error         varchar(1000),
    duration_ms   integer not null,
    primary key (delivery_id, attempt)
);
