-- The W3C trace context (https://www.w3.org/TR/trace-context/) of the transaction that wrote the event:
-- the relay sends the record as part of that trace (Kafka header traceparent), so the consumers' spans
-- join the request that caused it. Null for rows written outside any trace (and for rows from before).
alter table outbox_event add column traceparent text;
alter table outbox_event add column tracestate text;
