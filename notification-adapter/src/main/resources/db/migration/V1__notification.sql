-- Every message the suite owes a person, and how its delivery went.
create table notification (
    id               uuid primary key,            -- the notification request's event id
    kind             varchar(50)  not null,
    recipient_email  varchar(320) not null,
    recipient_name   varchar(200) not null,
    locale           varchar(20)  not null,
    quota_id         varchar(100),
    requested_by     varchar(200),
    data             text         not null,        -- the template values, as JSON
    status           varchar(20)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer      not null default 0,
    last_error       text,
    next_attempt_at  timestamptz  not null,
    received_at      timestamptz  not null,
    sent_at          timestamptz
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_quota on notification (quota_id);
