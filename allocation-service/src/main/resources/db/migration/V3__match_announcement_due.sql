-- Matches to announce again on match-catalog. A row is written in the transaction of each change of a match or its
-- seats; the announcer takes every row at once about once a second, so a burst of changes to a match makes one
-- announcement, counted after the changes committed.
create table match_announcement_due (
    id       bigint generated always as identity primary key,
    match_id bigint      not null,
    due_at   timestamptz not null default now()
);
