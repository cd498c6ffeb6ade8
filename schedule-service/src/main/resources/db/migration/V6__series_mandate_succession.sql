-- IEPs change during the year: from mandate_from on, a student of a series is served under the
-- continuing mandate (mandate_id); before it under previous_mandate_id (null: one mandate throughout).
alter table series_student add column previous_mandate_id uuid;
alter table series_student add column mandate_from date;

-- A series the IEP change left not fitting its new mandate (minutes, setting, group size): shown as a
-- MANDATE_CHANGED conflict from reschedule_from until a person changes the series.
alter table session_series add column reschedule_reason varchar(1000);
alter table session_series add column reschedule_from date;
