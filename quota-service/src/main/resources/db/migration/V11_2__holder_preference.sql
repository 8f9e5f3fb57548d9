-- Issue 14: the language of each person's messages, given with a quota (admin or CSV); absent: the suite's default.
create table holder_preference (
    email       varchar(320) primary key,   -- lower case, as quotas store it
    locale      varchar(35)  not null,      -- a language tag, e.g. de or fr-CH
    updated_at  timestamptz  not null
);
