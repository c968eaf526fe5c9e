-- Search before create: someone new recorded from a name with no date of birth, age or postcode (or with an age
-- that still left more namesakes born in its years than the likely-persons panel shows), because the caller gave
-- none. The reason the call handler chose is kept beside the person record, with how many records shared the name
-- then, so the person's page can say why the record cannot be told apart from its namesakes and a supervisor can
-- count such records by reason. People's own table: the capability that wrote the record calls the people kernel
-- in its recording transaction.
create table person_record_not_given (
    person_record_id   text      primary key references person_record (id),
    reason             text      not null check (reason in ('REFUSED', 'UNKNOWN', 'NOT_SAFE')),
    -- records with the forename and the surname or one that sounds like it, when the record was written
    namesakes          integer   not null check (namesakes >= 0),
    -- the birth years an approximate age stood for, and the namesakes born in them; null when no age was given
    born_from          integer,
    born_to            integer,
    namesakes_in_years integer check (namesakes_in_years >= 0),
    recorded_by        text      not null,
    recorded_at        timestamptz not null,
    check ((born_from is null) = (born_to is null) and (born_from is null) = (namesakes_in_years is null))
);
create index person_record_not_given_at on person_record_not_given (recorded_at);
create trigger person_record_not_given_no_delete before delete on person_record_not_given
    for each row execute function forbid_delete();
