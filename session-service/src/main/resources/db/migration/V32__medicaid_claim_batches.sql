-- Claim exports as batches (issue 13). A batch is written once: its lines and its CSV file never
-- change, so downloading it again gives the same bytes. A correction to an exported line comes as a
-- VOID of that line plus a REPLACEMENT line in a later batch.
create table medicaid_claim_batch (
    id            uuid primary key,
    district_id   uuid,
    period_from   date not null,
    period_to     date not null,
    state         varchar(20) not null,
    created_at    timestamptz not null,
    created_by    varchar(200),
    line_count    integer not null,
    file_name     varchar(200) not null,
    file_content  bytea not null,
    file_sha256   varchar(64) not null
);
create index medicaid_claim_batch_district on medicaid_claim_batch (district_id, created_at);

create table medicaid_claim_batch_line (
    id                uuid primary key,
    batch_id          uuid not null references medicaid_claim_batch (id),
    line_no           integer not null,
    kind              varchar(20) not null,
    session_log_id    uuid not null,
    student_id        uuid not null,
    -- VOID: the exported line it cancels; REPLACEMENT: the line the replacement supersedes
    replaces_line_id  uuid references medicaid_claim_batch_line (id),
    -- hash of what was billed (code, units, dates, provider, ...): an addendum that changes none of it
    -- changes no claim
    fingerprint       varchar(64) not null,
    -- the claim line as exported (JSON), for GET of the batch
    content           text not null,
    unique (batch_id, line_no)
);
create index medicaid_claim_batch_line_key on medicaid_claim_batch_line (session_log_id, student_id);
