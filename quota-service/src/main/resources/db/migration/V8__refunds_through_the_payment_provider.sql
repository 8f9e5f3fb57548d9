-- Refunds are made through the payment provider: which payment, how often tried, what it answered.
alter table refund add column payment_id varchar(100);
alter table refund add column attempts integer not null default 0;
alter table refund add column last_error text;
alter table refund add column refunded_at timestamptz;
create index refund_waiting on refund (requested_at) where status = 'REQUESTED';
