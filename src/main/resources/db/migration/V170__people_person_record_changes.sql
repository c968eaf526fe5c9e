-- The search-before-create index is built in the background from a consistent read and then takes in what changed
-- since, edits as well as new records. Each row carries the transaction that last wrote it; a reader holding the
-- snapshot its index was built at asks for the rows whose writer that snapshot could not see. Unlike a sequence
-- number, this never misses a row written by a transaction that took its number early and committed late.
-- Existing rows take the migration's transaction, which every later snapshot sees.
alter table person_record add column change_xid xid8 not null default pg_current_xact_id();
create index person_record_change on person_record (change_xid);

create function person_record_changed() returns trigger language plpgsql as $$
begin
    NEW.change_xid := pg_current_xact_id();
    return NEW;
end $$;
create trigger person_record_change before insert or update on person_record
    for each row execute function person_record_changed();

-- Until the first build is in, a search is answered from these: the surname as typed or its start, the date of
-- birth, the postcode without spaces.
create index person_record_surname_prefix on person_record (lower(surname) text_pattern_ops);
create index person_record_date_of_birth on person_record (date_of_birth);
create index person_record_postcode_compact on person_record (upper(replace(postcode, ' ', '')));
