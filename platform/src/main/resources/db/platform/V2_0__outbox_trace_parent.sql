-- The trace an outbox row belongs to (W3C traceparent), so the relay's publication joins it.
-- Numbered 2.0: after every service's own 1.x migrations, so it applies to existing databases in order.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(64);
