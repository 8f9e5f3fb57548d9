-- One row per allocation request: its result is answered again when the same request id comes back.
create table allocation (
    request_id  uuid primary key,
    outcome     varchar(30) not null,
    seed        bigint      not null,
    result      text        not null,   -- the allocation.completed payload as sent
    created_at  timestamptz not null
);

-- A held seat becomes SOLD when its ticket is paid (reported by quota-service).
alter table seat_hold add column status varchar(10) not null default 'HELD' check (status in ('HELD', 'SOLD'));
