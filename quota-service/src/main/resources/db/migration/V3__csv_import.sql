-- A CSV import: the file as uploaded (read again at confirm), its validation report and what came of it.
create table quota_import (
    id             uuid primary key,
    file_name      varchar(255) not null,
    content_hash   varchar(64)  not null,
    content        text         not null,
    line_count     integer      not null,
    status         varchar(20)  not null check (status in ('INVALID', 'VALIDATED', 'FAILED', 'CONFIRMED')),
    report         text         not null,  -- JSON: violations, duplicates, preview
    failure        text,                   -- JSON: why the last confirm was refused
    uploaded_by    varchar(200) not null,
    uploaded_at    timestamptz  not null,
    confirmed_by   varchar(200),
    confirmed_at   timestamptz,
    version        bigint       not null default 0
);
create index quota_import_hash on quota_import (content_hash);
create index quota_import_uploaded on quota_import (uploaded_at);

-- The quotas a confirmed import created, by the line of the file that asked for them.
create table quota_import_quota (
    quota_id   uuid primary key references quota (id),
    import_id  uuid    not null references quota_import (id),
    line       integer not null
);
create index quota_import_quota_import on quota_import_quota (import_id, line);
