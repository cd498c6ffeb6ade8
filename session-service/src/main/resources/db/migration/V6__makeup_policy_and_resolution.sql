-- A district's makeup policy: one verdict per miss reason. Districts without a row use the
-- built-in default (see MakeupPolicy.districtDefault).
create table makeup_policy (
    district_id  uuid primary key,
    updated_by   varchar(200),
    updated_at   timestamptz not null,
    version      bigint not null default 0
);
create table makeup_policy_verdict (
    district_id  uuid not null references makeup_policy (district_id),
    reason       varchar(40) not null,
    verdict      varchar(20) not null,
    primary key (district_id, reason)
);

-- The miss remembers which district's policy decided it, the occurrence it was scheduled as,
-- a finer reason (testing, field trip, IEP meeting, duty...) and the IEP team's resolution.
alter table missed_session add column district_id uuid;
alter table missed_session add column occurrence_id uuid;
alter table missed_session add column reason_detail varchar(40);
alter table missed_session add column policy_verdict varchar(20);
alter table missed_session add column resolved_by varchar(200);
alter table missed_session add column resolved_on date;
alter table missed_session add column resolution_note varchar(2000);
alter table missed_session add column resolved_at timestamptz;
update missed_session set policy_verdict = owed where policy_verdict is null;
create index missed_session_occurrence on missed_session (occurrence_id, student_id);
create index missed_session_owed on missed_session (owed);
