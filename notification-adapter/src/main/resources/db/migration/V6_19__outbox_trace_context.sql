-- Issue 19: the W3C trace context of the change that wrote an event, sent with it as Kafka record headers.
alter table outbox_message add column trace_parent varchar(55);
alter table outbox_message add column trace_state varchar(512);
-- and of the request a notification was made from, so its SMTP send joins that trace
alter table notification add column trace_parent varchar(55);
alter table notification add column trace_state varchar(512);
