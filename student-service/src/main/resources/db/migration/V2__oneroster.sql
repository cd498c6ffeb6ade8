-- Every OneRoster record as the SIS sent it, one row per (entity, sourcedId). Records are never
-- hard-deleted: a bulk file that no longer lists one, or a delta row saying tobedeleted, sets
-- status = 'tobedeleted' and keeps the rest. fields holds the spec's columns (normalised),
-- extensions the metadata.* / ext_* / unknown columns as sent.
create table roster_record (
    entity                  varchar(32)  not null,
    sourced_id              varchar(255) not null,
    status                  varchar(16)  not null,
    date_last_modified      timestamptz,
    fields                  jsonb        not null,
    extensions              jsonb        not null,
    row_hash                varchar(64)  not null,
    first_import_id         uuid,
    last_change_import_id   uuid,
    last_seen_import_id     uuid,
    changed_at              timestamptz  not null,
    primary key (entity, sourced_id)
);
create index roster_record_roles_user on roster_record ((fields ->> 'userSourcedId')) where entity = 'roles';

create table roster_import (
    id           uuid primary key,
    received_at  timestamptz not null,
    dry_run      boolean     not null,
    version      varchar(8)  not null,
    outcome      varchar(16) not null,
    report       jsonb       not null
);
create index roster_import_received on roster_import (received_at desc);
