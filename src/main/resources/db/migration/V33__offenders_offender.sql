-- Offender nominals with their offending histories. The offender's own details are a person record
-- with source_type 'offender'; history rows before the recording year have no crime_id.
create table offender (
    id               text primary key,
    borough_code     text not null references borough (code),
    first_offence_on date not null,
    offence_count    int  not null
);
create trigger offender_versions before update on offender
    for each row execute function keep_previous_version('id');
create trigger offender_no_delete before delete on offender
    for each row execute function forbid_delete();

create table offending_history (
    offender_id   text not null references offender (id),
    seq           int  not null,
    offence_on    date not null,
    offence_group text not null,
    disposal      text not null,
    crime_id      text,
    primary key (offender_id, seq)
);
create trigger offending_history_no_delete before delete on offending_history
    for each row execute function forbid_delete();
