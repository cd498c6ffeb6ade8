-- The compliance projection: one row per student x service (mandate chain) x period. mandate_id is
-- the mandate version in force at the end of the period; chain_id is the first version of the
-- service. Minutes are split by setting (_pi push-in, _po pull-out). Status, closed, remaining and
-- forecast were evaluated on evaluated_on (the district's date); ComplianceRefresher re-evaluates
-- open periods when the date moves on.
create table compliance_period (
    student_id           uuid not null,
    chain_id             uuid not null,
    period_start         date not null,
    period_end           date not null,
    mandate_id           uuid not null,
    mandate_ids          text not null,
    service_type         varchar(40),
    interval_unit        varchar(20) not null,
    provider_id          uuid,
    minutes_per_session  integer not null,
    mandated_pi          integer not null,
    mandated_po          integer not null,
    scheduled_pi         integer not null,
    scheduled_po         integer not null,
    delivered_pi         integer not null,
    delivered_po         integer not null,
    made_up_pi           integer not null,
    made_up_po           integer not null,
    missed_owed          integer not null,
    missed_not_owed      integer not null,
    missed_in_review     integer not null,
    excused_pi           integer not null,
    excused_po           integer not null,
    owed_balance         integer not null,
    shortfall_pi         integer not null,
    shortfall_po         integer not null,
    over_pi              integer not null,
    over_po              integer not null,
    remaining_pi         integer not null,
    remaining_po         integer not null,
    forecast_pi          integer not null,
    forecast_po          integer not null,
    forecast_short_pi    integer not null,
    forecast_short_po    integer not null,
    last_chance_date     date,
    status               varchar(20) not null,
    closed               boolean not null,
    revised_at           timestamptz,
    evaluated_on         date not null,
    primary key (student_id, chain_id, period_start)
);
create index compliance_period_range on compliance_period (period_start, period_end);
create index compliance_period_provider on compliance_period (provider_id, period_start);
create index compliance_period_open on compliance_period (period_end);

-- The date the open periods were last re-evaluated for (one row).
create table compliance_refresh (
    id            integer primary key,
    refreshed_on  date not null
);
