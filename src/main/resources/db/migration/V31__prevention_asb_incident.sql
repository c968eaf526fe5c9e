-- ASB incidents under the NSIR 2011 categories, with the force's descriptive sub-type kept as its own field.
-- Callers and victims are person records with source_type 'asb_incident'.
-- Ward and LSOA are plain codes: the place tables may hold a different ward vintage than the incident was placed in.
create table asb_incident (
    id           text primary key,
    reported_at  timestamp not null,
    category     text      not null check (category in ('personal', 'nuisance', 'environmental')),
    sub_type     text      not null,
    borough_code text      not null references borough (code),
    ward_code    text,
    lsoa_code    text,
    latitude     double precision,
    longitude    double precision
);
create index asb_incident_borough_time on asb_incident (borough_code, reported_at);
create index asb_incident_lsoa on asb_incident (lsoa_code);
create trigger asb_incident_versions before update on asb_incident
    for each row execute function keep_previous_version('id');
create trigger asb_incident_no_delete before delete on asb_incident
    for each row execute function forbid_delete();
