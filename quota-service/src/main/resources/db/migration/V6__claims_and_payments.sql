-- The claim: tickets selected together, held until hold_expires_at, then paid (or confirmed when free).
create table claim (
    id               uuid primary key,
    quota_id         uuid         not null references quota (id),
    claimant_email   varchar(320) not null,
    step             varchar(20)  not null check (step in ('SELECTED', 'ATTENDEES_GIVEN', 'PAYMENT_PENDING',
                                                          'COMPLETED', 'RELEASED')),
    hold_expires_at  timestamptz  not null,
    amount_cents     integer      not null default 0,
    payment_id       varchar(100),
    payment_deadline timestamptz,
    released_because varchar(50),
    created_at       timestamptz  not null,
    created_by       varchar(200) not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0
);
create index claim_quota on claim (quota_id);
create unique index claim_payment on claim (payment_id) where payment_id is not null;
-- the hold-expiry job only ever looks at open claims
create index claim_open on claim (hold_expires_at) where step in ('SELECTED', 'ATTENDEES_GIVEN', 'PAYMENT_PENDING');

-- A ticket belongs to at most one claim at a time (the one that RESERVED or SOLD it) and names its attendee.
alter table ticket add column claim_id uuid references claim (id);
alter table ticket add column attendee_name varchar(200);
alter table ticket add column attendee_email varchar(320);
create index ticket_claim on ticket (claim_id);
