-- Issue 16, item 3: how allocation-service seated the quota's group (the summary carried by allocation.completed).
alter table quota add column seat_quality jsonb;
