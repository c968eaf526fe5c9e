-- Archiving a group states why; a member or associate taken off a group keeps their person record, marked with the
-- day and reason they left (nothing is deleted), and no longer counts as a member.
alter table ocg add column archive_reason text;

create table ocg_membership_end (
    person_record_id text primary key,
    ocg_id           text        not null references ocg (id),
    ended_on         date        not null,
    reason           text        not null check (length(trim(reason)) > 0),
    ended_by         text        not null,
    ended_at         timestamptz not null
);
create trigger ocg_membership_end_no_delete before delete on ocg_membership_end
    for each row execute function forbid_delete();
