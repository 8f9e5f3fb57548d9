-- Issue 8: resends, devices of the mobile app, expiration reminders.

-- an admin's resend is a new notification that names the one it sends again
alter table notification add column resend_of uuid references notification (id);
create index notification_resend_of on notification (resend_of) where resend_of is not null;

-- phones with the app, registered by the signed-in holder; pushes for that email go to each of them
create table device (
    token          varchar(4096) primary key,   -- the push service's token for the app on one phone
    email          varchar(320)  not null,      -- lower case
    platform       varchar(20)   not null check (platform in ('IOS', 'ANDROID')),
    registered_at  timestamptz   not null
);
create index device_email on device (email);

-- one reminder per quota and recipient, scheduled from the invitation's expiration date
create table expiration_reminder (
    id                 uuid primary key,         -- derived from quota id and lower-case email
    quota_id           varchar(100) not null,
    recipient_email    varchar(320) not null,
    recipient_name     varchar(200) not null,
    locale             varchar(20)  not null,
    deeplink_token     text         not null,
    matches            text         not null,   -- the invitation's JSON list of matches
    expires_at         timestamptz  not null,
    due_at             timestamptz  not null,
    unclaimed_tickets  integer      not null,
    status             varchar(20)  not null check (status in ('SCHEDULED', 'SENT', 'CANCELLED')),
    notification_id    uuid references notification (id)
);
create index expiration_reminder_due on expiration_reminder (due_at) where status = 'SCHEDULED';
