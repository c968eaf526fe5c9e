-- Flags set on a crime when it is recorded (child at risk, modern slavery, weapon ...), one row per flag, beside
-- the domestic_abuse and hate columns of crime. Names are those of CrimeFlag.
create table crime_flag (
    crime_id text not null references crime (id),
    flag     text not null,
    primary key (crime_id, flag)
);
create index crime_flag_flag on crime_flag (flag);
create trigger crime_flag_no_delete before delete on crime_flag
    for each row execute function forbid_delete();
