-- Ed-Fi export and push (package edfi). Ed-Fi identifies students, schools and staff by the
-- district's own ids (studentUniqueId, educationOrganizationId, staffUniqueId): the roster's
-- OneRoster sourcedIds, kept from the roster events beside the names (null until the next
-- StudentUpserted/SchoolUpserted/StaffUpserted or a rebuild: POST /api/v1/admin/rebuild).
alter table school add column sourced_id varchar(255);
alter table student add column sourced_id varchar(255);
alter table staff add column sourced_id varchar(255);

-- A push of a district's records to its Ed-Fi ODS/API. Not a projection: entered over REST
-- (POST /api/v1/edfi/districts/{id}/pushes), never replayed or swapped by a rebuild.
create table edfi_push (
    push_id       uuid primary key,
    district_id   uuid not null,
    from_date     date,
    to_date       date,
    status        varchar(20) not null,
    requested_by  varchar(200),
    requested_at  timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    -- per resource: sent and failed counts, JSON {"studentIEPs": {"sent": 3, "failed": 0}, ...}
    counts        text not null default '{}',
    error         text
);
create index edfi_push_district on edfi_push (district_id, requested_at desc);

-- Each record the ODS refused (4xx) or that still failed after the retries, with the ODS's message.
create table edfi_push_failure (
    push_id      uuid not null,
    position     integer not null,
    resource     varchar(60) not null,
    record_key   text not null,
    http_status  integer,
    message      text,
    attempts     integer not null,
    primary key (push_id, position)
);
