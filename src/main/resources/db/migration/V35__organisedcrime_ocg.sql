-- Organised crime groups as mapped; members and associates are person records with source_type 'ocg'
-- and role 'principal subject', 'member' or 'associate'.
create table ocg (
    id                 text primary key,
    name               text not null,
    borough_code       text not null references borough (code),
    principal_activity text not null,
    band               text not null,
    mapped_on          date not null
);
create trigger ocg_versions before update on ocg
    for each row execute function keep_previous_version('id');
create trigger ocg_no_delete before delete on ocg
    for each row execute function forbid_delete();
