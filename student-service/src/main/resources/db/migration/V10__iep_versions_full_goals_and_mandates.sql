-- IEP versions: an amendment is a new row of the same IEP (original_iep_id) with its own effective
-- date; the amended row stays, superseded from that date. History is never overwritten.
alter table iep add column effective_from date;
update iep set effective_from = start_date;
alter table iep alter column effective_from set not null;

alter table iep add column original_iep_id uuid references iep (id);
update iep set original_iep_id = id;
alter table iep alter column original_iep_id set not null;

alter table iep add column version_number integer not null default 1;
alter table iep add column amends_id uuid references iep (id);
alter table iep add column amendment_reason varchar(1000);
alter table iep add column superseded_by_id uuid references iep (id);
alter table iep add column superseded_from date;
alter table iep add column ended_on date;
alter table iep add column end_reason varchar(1000);

-- IEPs superseded before versions existed: the superseding IEP took effect on its start date.
update iep old set superseded_by_id = newer.id, superseded_from = newer.effective_from
from iep newer where newer.supersedes_id = old.id;

alter table iep add constraint iep_effective_within_term
    check (effective_from >= start_date and effective_from <= end_date);
create index iep_chain on iep (original_iep_id, version_number);
-- Two amendment drafts of one version may exist; only one of them can take effect as version n.
create unique index iep_one_version_in_force on iep (original_iep_id, version_number) where status <> 'DRAFT';

alter table iep_goal add column baseline varchar(2000);
alter table iep_goal add column target varchar(500);
alter table iep_goal add column measurement_method varchar(20);
alter table iep_goal add column service_type varchar(40);
alter table iep_goal add column continues_goal_id uuid references iep_goal (id);

alter table service_mandate add column provider_discipline varchar(20);
update service_mandate set provider_discipline = case service_type
    when 'SPEECH_LANGUAGE' then 'SLP'
    when 'OCCUPATIONAL_THERAPY' then 'OT'
    when 'PHYSICAL_THERAPY' then 'PT'
    else 'COUNSELOR' end;
alter table service_mandate alter column provider_discipline set not null;

alter table service_mandate add column delivery varchar(20);
update service_mandate set delivery = case when max_group_size > 1 then 'GROUP' else 'INDIVIDUAL' end;
alter table service_mandate alter column delivery set not null;

alter table service_mandate add column start_date date;
alter table service_mandate add column end_date date;
update service_mandate m set start_date = i.start_date, end_date = i.end_date from iep i where i.id = m.iep_id;
alter table service_mandate alter column start_date set not null;
alter table service_mandate alter column end_date set not null;
alter table service_mandate add constraint mandate_dates check (end_date >= start_date);

alter table service_mandate add column push_in_location varchar(200);
alter table service_mandate add column pull_out_location varchar(200);
alter table service_mandate add column continues_mandate_id uuid references service_mandate (id);
create index service_mandate_iep on service_mandate (iep_id);
create index iep_goal_iep on iep_goal (iep_id);

-- "Not during ELA_READING" for the pull-out sessions; "prefer WRITING" for push-in.
create table mandate_constraint (
    mandate_id  uuid not null references service_mandate (id) on delete cascade,
    position    integer not null,
    kind        varchar(30) not null,
    subject     varchar(30) not null,
    setting     varchar(20),
    note        varchar(500),
    primary key (mandate_id, position)
);
