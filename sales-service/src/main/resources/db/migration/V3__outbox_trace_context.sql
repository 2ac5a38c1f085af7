-- The W3C trace context (traceparent, tracestate) the event was written under (a rep's request, or the
-- lead event being applied): the relay sends it as the record's headers, so consumers continue the same
-- trace. Rows written before have none.
ALTER TABLE outbox_event
    ADD COLUMN traceparent text,
    ADD COLUMN tracestate  text;
