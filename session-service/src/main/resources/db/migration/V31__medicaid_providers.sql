-- What a claim needs about the rendering provider beyond the roster (issue 13): the NPI, the
-- discipline they bill as (an assistant such as an SLPA or COTA may be rostered with the therapy's
-- discipline so they can document its sessions) and, for assistants, the supervising clinician
-- whose NPI goes on the claim line. Set by district admins through the API.
create table medicaid_provider (
    staff_id            uuid primary key,
    npi                 varchar(10),
    billing_discipline  varchar(40),
    supervisor_id       uuid,
    updated_by          varchar(200),
    updated_at          timestamptz not null,
    version             bigint not null default 0
);
