-- An investigator's shift on a day, from a duty rota. A shift whose end is not after its start runs past midnight
-- into the next day. One shift per investigator per day: importing the rota again replaces that day's shift.
-- An investigator with no rows here is on duty as investigator_duty says.
create table investigator_duty_rota (
    investigator_id text      not null references investigator (id),
    duty_date       date      not null,
    shift_start     time      not null,
    shift_end       time      not null,
    imported_at     timestamp not null,
    primary key (investigator_id, duty_date)
);
create trigger investigator_duty_rota_versions before update on investigator_duty_rota
    for each row execute function keep_previous_version('investigator_id');
create trigger investigator_duty_rota_no_delete before delete on investigator_duty_rota
    for each row execute function forbid_delete();
