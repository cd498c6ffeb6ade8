-- Rollups ask for the periods overlapping [from, to]; a range index answers that for a week
-- without walking every period that started before it.
create index compliance_period_overlap on compliance_period
    using gist (daterange(period_start, period_end, '[]'));
