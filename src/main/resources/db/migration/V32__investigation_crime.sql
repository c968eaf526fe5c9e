-- Investigators and their teams per borough, with PIP level (PIP 1 volume crime .. PIP 4 strategic).
create table investigation_team (
    id            text primary key,
    borough_code  text not null references borough (code),
    name          text not null,
    specialism    text not null,
    establishment int  not null check (establishment >= 0)
);
create index investigation_team_borough on investigation_team (borough_code);
create trigger investigation_team_versions before update on investigation_team
    for each row execute function keep_previous_version('id');
create trigger investigation_team_no_delete before delete on investigation_team
    for each row execute function forbid_delete();

create table investigator (
    id           text primary key,
    team_id      text not null references investigation_team (id),
    display_name text not null,
    pip_level    int  not null check (pip_level between 1 and 4),
    specialism   text not null
);
create index investigator_team on investigator (team_id);
create trigger investigator_versions before update on investigator
    for each row execute function keep_previous_version('id');
create trigger investigator_no_delete before delete on investigator
    for each row execute function forbid_delete();

-- Recorded crimes by Home Office offence group, with the police.uk type they are published under.
-- Victims, suspects and witnesses are person records with source_type 'crime' (see crime_person).
create table crime (
    id              text primary key,
    committed_at    timestamp not null,
    recorded_at     timestamp not null,
    offence_group   text      not null,
    police_uk_type  text      not null,
    borough_code    text      not null references borough (code),
    ward_code       text,
    lsoa_code       text,
    latitude        double precision,
    longitude       double precision,
    domestic_abuse  boolean   not null,
    hate            boolean   not null,
    investigator_id text
);
create index crime_borough_time on crime (borough_code, recorded_at);
create index crime_group_time on crime (offence_group, recorded_at);
create index crime_lsoa on crime (lsoa_code);
create trigger crime_versions before update on crime
    for each row execute function keep_previous_version('id');
create trigger crime_no_delete before delete on crime
    for each row execute function forbid_delete();

-- The Home Office outcome type (codes 1..22) given to a crime, and when. A crime without a row has outcome 0.
create table crime_outcome (
    crime_id     text primary key references crime (id),
    outcome_code text not null,
    outcome_date date not null
);
create trigger crime_outcome_versions before update on crime_outcome
    for each row execute function keep_previous_version('crime_id');
create trigger crime_outcome_no_delete before delete on crime_outcome
    for each row execute function forbid_delete();

create view crime_person as
select source_id as crime_id, id as person_record_id, role
from person_record
where source_type = 'crime';
