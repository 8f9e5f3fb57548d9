-- Issue 14: notification.requested v2 carries a typed notice; rows stored before keep their v1 string map.
alter table notification add column data_version integer not null default 1;
