-- The W3C trace context (traceparent, tracestate) of the request that wrote the event: the relay sends it
-- as the record's headers, so consumers continue the same trace. Rows written before have none.
ALTER TABLE outbox_event
    ADD COLUMN traceparent text,
    ADD COLUMN tracestate  text;
