-- Issue 20: which instance asks the payment provider about an overdue payment, until when (one instance per claim)
alter table claim add column expiry_taken_until timestamp with time zone;
