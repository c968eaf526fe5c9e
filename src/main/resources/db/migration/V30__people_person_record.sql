-- Every appearance of a person in a record (caller, victim, suspect, witness, missing person, OCG member,
-- offender nominal) is a person record, kept exactly as it was recorded: typos, nicknames and gaps included.
-- Resolving records into persons is identity resolution's job; nothing here says which records are the same person.
create table person_record (
    id            text primary key,
    source_type   text      not null,
    source_id     text      not null,
    role          text      not null,
    forenames     text,
    surname       text,
    date_of_birth date,
    sex           text check (sex in ('F', 'M')),
    address       text,
    postcode      text,
    phone         text,
    recorded_at   timestamp not null
);
create index person_record_source on person_record (source_type, source_id);
create index person_record_surname on person_record (lower(surname));
create trigger person_record_versions before update on person_record
    for each row execute function keep_previous_version('id');
create trigger person_record_no_delete before delete on person_record
    for each row execute function forbid_delete();
