-- Rebuilds of the read models (POST /api/v1/admin/rebuild): one row per run, for its status.
-- Not itself a projection: a rebuild never replaces it.
create table projection_rebuild (
    rebuild_id       uuid primary key,
    status           varchar(20) not null,
    projections      text not null,
    requested_at     timestamptz not null,
    started_at       timestamptz,
    swapped_at       timestamptz,
    finished_at      timestamptz,
    events_replayed  bigint not null default 0,
    events_skipped   bigint not null default 0,
    end_offsets      text,
    error            text
);
