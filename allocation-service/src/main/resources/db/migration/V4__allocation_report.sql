-- The seat-quality report of each allocation, written in the allocation's transaction (issue 16, item 3).
-- The figures are columns so that reports can be summed up in SQL; inputs hold what a replay needs.
create table allocation_report (
    request_id       uuid primary key,
    venue_id         bigint,                   -- null when the request was refused before any seat was looked at
    algorithm        varchar(10),
    outcome          varchar(30)      not null,
    reason           text,
    rule             varchar(30),              -- ONE_BLOCK_NO_ORPHAN (1), ONE_BLOCK (2), ADJACENT_ROWS (3), SPLIT, RANDOM
    requested        integer          not null,
    allocated        integer          not null,
    free_seats       integer          not null,
    blocks           integer          not null,
    rows_used        integer          not null,
    sectors_used     integer          not null,
    orphans_created  integer          not null,
    mean_quality     double precision not null,
    seat_ids         text             not null, -- JSON array of the held seats' ids, ascending plan order
    inputs           text,                      -- JSON ReplayInputs; null when there is nothing to replay
    created_at       timestamptz      not null
);
create index allocation_report_created on allocation_report (created_at);
