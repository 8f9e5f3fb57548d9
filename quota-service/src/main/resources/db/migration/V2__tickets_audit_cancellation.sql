-- What a quota learns from its allocation and its cancellation; subquotas point at their parent.
alter table quota add column parent_id uuid references quota (id);
alter table quota add column match_name varchar(200) not null default '';
alter table quota add column kickoff timestamptz;
alter table quota add column include_accessible boolean not null default false;
alter table quota add column allocation_request_id uuid;
alter table quota add column seed bigint;
alter table quota add column unfulfilled integer not null default 0;
alter table quota add column free_seats integer;
alter table quota add column failure_reason varchar(500);
alter table quota add column cancelled_at timestamptz;
alter table quota add column cancellation_scope varchar(20);
create index quota_allocation_request on quota (allocation_request_id);
create index quota_parent on quota (parent_id);

-- One seat of a quota at its match. A seat is in at most one live ticket at a time.
create table ticket (
    id           uuid primary key,
    quota_id     uuid        not null references quota (id),
    match_id     bigint      not null,
    seat_id      bigint      not null,
    sector       varchar(30) not null,
    row_label    varchar(10) not null,
    seat_label   varchar(10) not null,
    category     varchar(30),
    price_cents  integer,                 -- full price at the match; the quota's discount applies
    paid_cents   integer,                 -- what was paid, once SOLD
    status       varchar(20) not null check (status in ('ALLOCATED', 'RESERVED', 'SOLD', 'CANCELLED')),
    updated_at   timestamptz not null,
    version      bigint      not null default 0
);
create unique index ticket_seat_in_use on ticket (match_id, seat_id) where status <> 'CANCELLED';
create index ticket_quota on ticket (quota_id);

-- Who did what to which quota; the holder acted for is recorded when an admin masquerades.
create table audit_entry (
    id            bigserial primary key,
    quota_id      uuid,
    at            timestamptz  not null,
    actor         varchar(200) not null,
    on_behalf_of  varchar(320),
    action        varchar(50)  not null,
    details       text         not null
);
create index audit_entry_quota on audit_entry (quota_id, at);

-- Refunds asked of the payment service for cancelled paid tickets; one per ticket.
create table refund (
    id            uuid primary key,
    ticket_id     uuid        not null unique references ticket (id),
    quota_id      uuid        not null references quota (id),
    amount_cents  integer     not null,
    status        varchar(20) not null,
    requested_at  timestamptz not null
);
