-- Rollups pre-aggregated with the compliance projection (issue 17): per school x provider x period
-- x status, the number of compliance periods, the sums the rollups return, and a bitmap of the
-- students counted there (bit = the student's ordinal in the school), so provider, school and
-- district rollups read a few rows instead of every period. Written by service.RollupAggregates in
-- the transaction that changes compliance_period (same ledger, same idempotency), from the
-- difference between a student's periods before and after the change.
--
-- provider_id: the period's provider, 00000000-0000-0000-0000-000000000000 for none, and
-- ffffffff-ffff-ffff-ffff-ffffffffffff for "every provider" (each period is counted once under its
-- provider and once there: the school and district rollups read only those rows).
-- school_id: the student's school as the roster says (the zero id before the student's roster
-- record arrived; such periods count only in provider rollups, as before).
create table compliance_rollup (
    provider_id       uuid not null,
    school_id         uuid not null,
    period_start      date not null,
    period_end        date not null,
    status            varchar(20) not null,
    periods           bigint not null,
    mandated          bigint not null,
    scheduled         bigint not null,
    delivered         bigint not null,
    made_up           bigint not null,
    missed_owed       bigint not null,
    missed_not_owed   bigint not null,
    missed_in_review  bigint not null,
    owed_balance      bigint not null,
    shortfall         bigint not null,
    forecast_short    bigint not null,
    over_delivered    bigint not null,
    students          bit varying not null,
    primary key (provider_id, school_id, period_start, period_end, status)
);

-- The school a student's periods are counted under (what the last change applied), so a change
-- of school moves exactly what was counted.
create table rollup_student (
    student_id  uuid primary key,
    school_id   uuid not null
);

-- A student's bit position per school (dense per school: bitmaps stay as short as the school's
-- IEP caseload). Never reused: a student who left keeps theirs, with the bit cleared.
create table rollup_student_ordinal (
    school_id   uuid not null,
    student_id  uuid not null,
    ordinal     integer not null,
    primary key (school_id, student_id),
    unique (school_id, ordinal)
);

-- The next free ordinal per school; its row lock serialises allocation within one school.
create table rollup_school (
    school_id     uuid primary key,
    next_ordinal  integer not null
);

-- Sets the bits of `on` and clears those of `off` (0-based), growing the bitmap in steps of 64.
create function rollup_bits(bits bit varying, "on" integer[], "off" integer[]) returns bit varying
language plpgsql immutable as $$
declare
    o integer;
    need integer := coalesce(greatest((select max(x) from unnest("on") x), (select max(x) from unnest("off") x)), -1) + 1;
begin
    if need > length(bits) then
        bits := bits || repeat('0', ((need + 63) / 64) * 64 - length(bits))::bit varying;
    end if;
    foreach o in array coalesce("off", '{}') loop
        bits := set_bit(bits, o, 0);
    end loop;
    foreach o in array coalesce("on", '{}') loop
        bits := set_bit(bits, o, 1);
    end loop;
    return bits;
end $$;

-- Pads a bitmap with zeros to `len` bits, so bitmaps of one school can be OR-ed together.
create function rollup_pad(bits bit varying, len integer) returns bit varying
language sql immutable as $$
    select case when length(bits) >= len then bits else bits || repeat('0', len - length(bits))::bit varying end
$$;

-- The list of students needing attention (studentsAtRisk, paged) stays a query over the periods:
-- by status first, it reads the periods at risk or out of compliance in the range, not the year's.
create index compliance_period_attention on compliance_period (status, period_start)
    include (period_end, student_id, owed_balance, shortfall_pi, shortfall_po, forecast_short_pi,
             forecast_short_po, last_chance_date);

-- The aggregates of what compliance_period holds now, from scratch (the same rows the
-- incremental path arrives at, ordinals aside): run once below for the periods that exist when
-- this migration runs; also a repair tool, and bench/reporting.sh uses it after loading periods
-- directly at scale.
create function compliance_rollup_recompute() returns void
language plpgsql as $fn$
begin
delete from compliance_rollup;
delete from rollup_student_ordinal;
delete from rollup_school;
delete from rollup_student;
insert into rollup_student (student_id, school_id)
select distinct c.student_id, coalesce(s.school_id, '00000000-0000-0000-0000-000000000000'::uuid)
from compliance_period c left join student s on s.student_id = c.student_id;

insert into rollup_student_ordinal (school_id, student_id, ordinal)
select school_id, student_id, (row_number() over (partition by school_id order by student_id) - 1)::int
from rollup_student;

insert into rollup_school (school_id, next_ordinal)
select school_id, count(*)::int from rollup_student_ordinal group by school_id;

insert into compliance_rollup
select p.provider_id, rs.school_id, c.period_start, c.period_end, c.status, count(*),
       sum(c.mandated_pi + c.mandated_po), sum(c.scheduled_pi + c.scheduled_po),
       sum(c.delivered_pi + c.delivered_po), sum(c.made_up_pi + c.made_up_po), sum(c.missed_owed),
       sum(c.missed_not_owed), sum(c.missed_in_review), sum(c.owed_balance),
       sum(c.shortfall_pi + c.shortfall_po), sum(c.forecast_short_pi + c.forecast_short_po),
       sum(c.over_pi + c.over_po),
       rollup_bits(B'', array_agg(distinct o.ordinal), '{}')
from compliance_period c
join rollup_student rs on rs.student_id = c.student_id
join rollup_student_ordinal o on o.school_id = rs.school_id and o.student_id = c.student_id
cross join lateral (values (coalesce(c.provider_id, '00000000-0000-0000-0000-000000000000'::uuid)),
                           ('ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid)) p(provider_id)
group by p.provider_id, rs.school_id, c.period_start, c.period_end, c.status;
end $fn$;

select compliance_rollup_recompute();
