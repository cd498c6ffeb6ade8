-- Which provider serves which student for which service: the caseload that decides what a provider
-- may see. Rows follow the providers named on IEP mandates (source MANDATE, mandate_id set) and are
-- added by hand for a covering provider (source MANUAL). Rows are never deleted: ending one keeps it
-- as history (active false or an end date).
create table caseload_assignment (
    id            uuid primary key,
    student_id    uuid not null references student (id),
    provider_id   uuid not null references staff (id),
    source        varchar(10) not null,
    mandate_id    uuid,
    service_type  varchar(30),
    discipline    varchar(20) not null,
    start_date    date not null,
    end_date      date,
    active        boolean not null,
    note          varchar(500),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint not null default 0,
    constraint caseload_source check (source in ('MANDATE', 'MANUAL')),
    constraint caseload_mandate_source check ((source = 'MANDATE') = (mandate_id is not null))
);

-- A provider's caseload (the scope of every provider query) and a student's providers.
create index caseload_assignment_provider on caseload_assignment (provider_id, student_id) where active;
create index caseload_assignment_student on caseload_assignment (student_id);
create index caseload_assignment_mandate on caseload_assignment (mandate_id) where active;
