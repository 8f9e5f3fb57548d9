-- Issue 21: a ticket's first admission at a gate. The ticket id is the key, so of two scanners presenting the same
-- code at the same moment one insert wins (insert ... on conflict do nothing) and the other answers "already admitted".
create table ticket_admission (
    ticket_id        uuid primary key references ticket (id),
    attendee_version integer not null,
    admitted_at      timestamp with time zone not null,
    gate_user        varchar(255) not null
);
