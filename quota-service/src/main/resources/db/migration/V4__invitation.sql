-- A holder's deeplink: the token itself is never stored, only its SHA-256.
create table invitation (
    id           uuid primary key,
    quota_id     uuid         not null references quota (id),
    group_id     uuid,
    email        varchar(320) not null,
    token_hash   varchar(64)  not null unique,
    created_at   timestamptz  not null,
    revoked_at   timestamptz,
    revoked_by   varchar(200)
);
create index invitation_quota on invitation (quota_id);
