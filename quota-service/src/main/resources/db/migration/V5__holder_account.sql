-- Holders as Keycloak users: provisioned in the background, retried until Keycloak has them.
create table holder_account (
    email           varchar(320) primary key,
    name            varchar(200) not null,
    keycloak_id     varchar(64),
    requested_at    timestamptz  not null,
    provisioned_at  timestamptz,
    attempts        integer      not null default 0,
    last_error      text
);
create index holder_account_pending on holder_account (requested_at) where provisioned_at is null;
