-- Issue 15: browsers as devices (Web Push subscriptions), and pushes stored and retried like the mail.
-- (Numbered 4 so that it never clashes with a V3 written beside it.)

-- a browser's subscription: where its push service takes pushes, and the keys the payload is encrypted with
alter table device drop constraint device_platform_check;
alter table device add constraint device_platform_check check (platform in ('IOS', 'ANDROID', 'WEB'));
alter table device add column endpoint varchar(2048);
alter table device add column p256dh varchar(100);   -- base64url of the uncompressed P-256 point
alter table device add column auth varchar(50);      -- base64url of the 16-byte secret
alter table device add constraint device_web_subscription
    check ((platform = 'WEB') = (endpoint is not null and p256dh is not null and auth is not null));

-- one push per device and mailed notification; no foreign key to device: a push whose device went away ends GONE
create table push_delivery (
    id               uuid primary key,
    notification_id  uuid          not null references notification (id),
    device_token     varchar(4096) not null,
    recipient_email  varchar(320)  not null,   -- lower case; the device must still be this person's
    title            varchar(200)  not null,
    body             varchar(500)  not null,
    data             text          not null,   -- JSON object: kind, quotaId, notificationId, url
    status           varchar(20)   not null check (status in ('PENDING', 'SENT', 'FAILED', 'GONE')),
    attempts         integer       not null,
    last_error       text,
    next_attempt_at  timestamptz   not null,
    created_at       timestamptz   not null,
    sent_at          timestamptz,
    unique (notification_id, device_token)
);
create index push_delivery_due on push_delivery (next_attempt_at) where status = 'PENDING';
