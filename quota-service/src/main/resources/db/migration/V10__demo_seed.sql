-- Which demo data a dev instance created (or gave up on), so a restart never creates it twice, even after the demo
-- holder retracted or an admin cancelled what was created.
create table demo_seed (
    step      varchar(40) primary key,
    quota_id  uuid,
    outcome   varchar(20) not null,
    done_at   timestamptz not null
);
