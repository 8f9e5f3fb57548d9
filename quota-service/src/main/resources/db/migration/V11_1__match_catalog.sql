-- The matches quota-service knows: the newest announcement of each on allocation-service's match-catalog topic
-- (a read model; allocation-service owns matches and seats). Sectors are the announcement's JSON list.
create table catalog_match (
    match_id     bigint primary key,
    code         varchar(50)  not null,
    name         varchar(200) not null,
    kickoff      timestamptz  not null,
    venue_code   varchar(50)  not null,
    state        varchar(20)  not null,
    revision     bigint       not null,
    sectors      text         not null,
    announced_at timestamptz  not null,
    received_at  timestamptz  not null
);
create index catalog_match_kickoff on catalog_match (kickoff);
