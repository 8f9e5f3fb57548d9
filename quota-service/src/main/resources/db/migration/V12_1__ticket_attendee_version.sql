-- Issue 21: which attendee a ticket's signed code names; a re-assignment or the cancellation of a sold ticket counts
-- it up, so older codes are void. Version 12.1 so that it cannot collide with a plain 12 made on another branch.
alter table ticket add column attendee_version integer not null default 0;
