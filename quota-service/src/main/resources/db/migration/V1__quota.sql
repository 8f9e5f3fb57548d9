-- A quota: seats of one match for one holder. Quotas created together for several matches share a group id.
create table quota (
    id                uuid primary key,
    group_id          uuid,
    match_id          bigint       not null,
    holder_email      varchar(320) not null,
    holder_name       varchar(200) not null,
    sectors           varchar(500) not null,
    quantity          integer      not null check (quantity > 0),
    discount_percent  integer      not null check (discount_percent between 0 and 100),
    algorithm         varchar(10)  not null check (algorithm in ('NM', 'REDOM')),
    expires_on        date,
    may_delegate      boolean      not null default false,
    transferable      boolean      not null default false,
    allow_partial     boolean      not null default false,
    state             varchar(30)  not null,
    created_at        timestamptz  not null,
    created_by        varchar(200) not null,
    version           bigint       not null default 0
);
create index quota_match on quota (match_id);
create index quota_holder on quota (lower(holder_email));
create index quota_group on quota (group_id);
