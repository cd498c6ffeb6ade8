-- Medicaid service codes per district (issue 13). Which codes a district may bill, how their units
-- count, the discipline modifier and who may bill them come from the state's Medicaid manual, so
-- each district keeps its own table. Rows without a district are the defaults a district uses until
-- it changes its table (its first change copies them). Replaces medicaid_service_code (one global
-- table keyed by discipline and format).
create table medicaid_code (
    id              uuid primary key,
    district_id     uuid,
    -- the therapy the code serves (SLP, OT, PT, COUNSELOR): a session's service picks its code
    discipline      varchar(40) not null,
    billing_format  varchar(20) not null,
    code            varchar(10) not null,
    description     varchar(300),
    -- UNTIMED: one unit per session; TIMED_15: 15-minute units under the 8-minute rule
    unit_rule       varchar(20) not null,
    modifier        varchar(2),
    -- the code of the other format (a group code's individual counterpart and vice versa)
    paired_code     varchar(10),
    -- provider disciplines allowed to bill it (SLP, SLPA, ...), comma separated
    billable_by     varchar(400) not null,
    updated_at      timestamptz not null,
    version         bigint not null default 0
);
-- One code per therapy and format in a district (the claim picks it), and a code once per therapy.
create unique index medicaid_code_format on medicaid_code
    (coalesce(district_id, '00000000-0000-0000-0000-000000000000'), discipline, billing_format);
create unique index medicaid_code_code on medicaid_code
    (coalesce(district_id, '00000000-0000-0000-0000-000000000000'), discipline, code);

insert into medicaid_code (id, district_id, discipline, billing_format, code, description, unit_rule, modifier,
                           paired_code, billable_by, updated_at)
select md5('default/' || o.discipline || '/' || o.billing_format)::uuid, null, o.discipline, o.billing_format,
       o.code, o.description,
       case when o.code in ('92507', '92508', '97150') then 'UNTIMED' else 'TIMED_15' end,
       case o.discipline when 'SLP' then 'GN' when 'OT' then 'GO' when 'PT' then 'GP' end,
       (select p.code from medicaid_service_code p
         where p.discipline = o.discipline and p.billing_format <> o.billing_format),
       case o.discipline when 'SLP' then 'SLP,SLPA' when 'OT' then 'OT,COTA' when 'PT' then 'PT,PTA'
                         else o.discipline end,
       now()
  from medicaid_service_code o;

drop table medicaid_service_code;
