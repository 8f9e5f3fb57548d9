-- The stadium layout: venue -> sectors -> seats (rows are a seat's row number and label).
create table venue (
    id    bigserial primary key,
    code  varchar(50)  not null unique,
    name  varchar(200) not null
);

create table sector (
    id        bigserial primary key,
    venue_id  bigint       not null references venue (id),
    code      varchar(30)  not null,
    name      varchar(200) not null,
    category  varchar(30)  not null,          -- price category, e.g. VIP, CAT1
    position  integer      not null,          -- display order
    unique (venue_id, code)
);

create table seat (
    id               bigserial primary key,
    sector_id        bigint      not null references sector (id),
    row_number       integer     not null,    -- 1 is the row nearest the pitch
    row_label        varchar(10) not null,
    seat_number      integer     not null,    -- order in the row, from the left as seen from the seats
    seat_label       varchar(10) not null,
    block            integer     not null,    -- seats of one row in one block have no aisle between them
    accessible       boolean     not null default false,
    companion        boolean     not null default false,
    restricted_view  boolean     not null default false,
    quality          integer     not null check (quality between 0 and 100),
    x                real        not null,    -- drawing position inside the sector
    y                real        not null,
    unique (sector_id, row_number, seat_number)
);

create table match (
    id        bigserial primary key,
    venue_id  bigint       not null references venue (id),
    code      varchar(50)  not null unique,
    name      varchar(200) not null,
    kickoff   timestamptz  not null
);

create table match_price (
    match_id     bigint      not null references match (id),
    category     varchar(30) not null,
    price_cents  integer     not null check (price_cents >= 0),
    primary key (match_id, category)
);

-- The per-match inventory: a row means the seat is held for a quota at that match.
-- The primary key is the guarantee that one seat of one match belongs to at most one quota.
create table seat_hold (
    match_id    bigint      not null references match (id),
    seat_id     bigint      not null references seat (id),
    quota_id    uuid        not null,
    request_id  uuid        not null,
    held_at     timestamptz not null,
    primary key (match_id, seat_id)
);
create index seat_hold_quota on seat_hold (quota_id);
