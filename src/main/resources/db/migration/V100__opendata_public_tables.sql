-- Public data as published: police.uk, the Home Office's recorded crime tables, population estimates and the
-- London Datastore's borough crime, each row traceable to the file and line it came from.

-- Police forces as the public sources name them. The 43 territorial forces of England and Wales carry their ONS
-- police force area code; British Transport Police and the Police Service of Northern Ireland have no such code
-- and are held so that their rows can be recognised and left out of England and Wales.
create table opendata_force (
    code        text primary key,
    name        text not null,
    territorial boolean not null
);

insert into opendata_force (code, name, territorial) values
    ('E23000036', 'Avon and Somerset', true),
    ('E23000026', 'Bedfordshire', true),
    ('E23000023', 'Cambridgeshire', true),
    ('E23000006', 'Cheshire', true),
    ('E23000013', 'Cleveland', true),
    ('E23000002', 'Cumbria', true),
    ('E23000018', 'Derbyshire', true),
    ('E23000035', 'Devon and Cornwall', true),
    ('E23000039', 'Dorset', true),
    ('E23000008', 'Durham', true),
    ('W15000004', 'Dyfed-Powys', true),
    ('E23000028', 'Essex', true),
    ('E23000037', 'Gloucestershire', true),
    ('E23000005', 'Greater Manchester', true),
    ('W15000002', 'Gwent', true),
    ('E23000030', 'Hampshire', true),
    ('E23000027', 'Hertfordshire', true),
    ('E23000012', 'Humberside', true),
    ('E23000032', 'Kent', true),
    ('E23000003', 'Lancashire', true),
    ('E23000021', 'Leicestershire', true),
    ('E23000020', 'Lincolnshire', true),
    ('E23000034', 'City of London', true),
    ('E23000004', 'Merseyside', true),
    ('E23000001', 'Metropolitan Police', true),
    ('E23000024', 'Norfolk', true),
    ('W15000001', 'North Wales', true),
    ('E23000009', 'North Yorkshire', true),
    ('E23000022', 'Northamptonshire', true),
    ('E23000007', 'Northumbria', true),
    ('E23000019', 'Nottinghamshire', true),
    ('W15000003', 'South Wales', true),
    ('E23000011', 'South Yorkshire', true),
    ('E23000015', 'Staffordshire', true),
    ('E23000025', 'Suffolk', true),
    ('E23000031', 'Surrey', true),
    ('E23000033', 'Sussex', true),
    ('E23000029', 'Thames Valley', true),
    ('E23000017', 'Warwickshire', true),
    ('E23000016', 'West Mercia', true),
    ('E23000014', 'West Midlands', true),
    ('E23000010', 'West Yorkshire', true),
    ('E23000038', 'Wiltshire', true),
    ('BTP', 'British Transport Police', false),
    ('PSNI', 'Police Service of Northern Ireland', false);

-- Every file loaded, by source and name. A file seen again with the same checksum is skipped; with another
-- checksum its rows are replaced. Each file loads in one transaction, so a crash leaves whole files only and a
-- second run carries on from the first file not yet loaded.
create table opendata_file (
    id         bigserial primary key,
    source     text not null,
    name       text not null,
    path       text not null,
    sha256     text not null,
    rows       bigint not null,
    bad_rows   bigint not null default 0,
    loaded_at  timestamptz not null default now(),
    unique (source, name)
);

-- Home Office police recorded crime by police force area: rolling 12-month totals to a quarter end.
-- area_code is null for the "areas" that are not forces (Action Fraud, CIFAS, UK Finance).
create table opendata_prc (
    file_id    bigint not null references opendata_file (id) on delete cascade,
    line       integer not null,
    year_from  date not null,
    year_to    date not null,
    area_name  text not null,
    force_code text references opendata_force (code),
    offence    text not null,
    offences   bigint not null
);
create index opendata_prc_force on opendata_prc (force_code, year_to);
create index opendata_prc_file on opendata_prc (file_id);

-- Resident population and households by area and year. level is force, borough, ward or lsoa; derived rows are
-- sums up the place hierarchy from a finer level (the London LSOA atlas), and say so.
create table opendata_population (
    file_id     bigint not null references opendata_file (id) on delete cascade,
    level       text not null check (level in ('force', 'borough', 'ward', 'lsoa', 'country')),
    area_code   text not null,
    area_name   text,
    year        integer not null,
    population  bigint,
    households  bigint,
    households_year integer,
    derived_from text,
    primary key (level, area_code, year, file_id)
);
create index opendata_population_file on opendata_population (file_id);

-- police.uk street-level crime and ASB, one row per published row. Place columns are filled from the LSOA code,
-- or for a row with coordinates but no LSOA, from the point; a row with neither counts only for its force.
-- The two police.uk tables take millions of rows by COPY, so they carry no foreign key (a trigger per row): the
-- ledger deletes a replaced file's rows itself, in the same transaction.
create table opendata_police_uk_crime (
    file_id        bigint not null,
    line           integer not null,
    crime_id       text,
    month          date not null,
    force_code     text,
    longitude      double precision,
    latitude       double precision,
    lsoa_code      text,
    ward_code      text,
    borough_code   text,
    place_method   text,
    crime_type     text not null,
    last_outcome   text
);
create index opendata_police_uk_crime_force on opendata_police_uk_crime (force_code, month);
create index opendata_police_uk_crime_file on opendata_police_uk_crime (file_id);

-- police.uk outcomes files: every outcome given to a crime, linked to street rows by crime_id.
create table opendata_police_uk_outcome (
    file_id      bigint not null,
    line         integer not null,
    crime_id     text not null,
    month        date not null,
    force_code   text,
    lsoa_code    text,
    outcome_type text not null
);
create index opendata_police_uk_outcome_crime on opendata_police_uk_outcome (crime_id, month);
create index opendata_police_uk_outcome_file on opendata_police_uk_outcome (file_id);

-- London Datastore: Metropolitan Police recorded crime by borough, major and minor category, per month.
create table opendata_london_borough_crime (
    file_id        bigint not null references opendata_file (id) on delete cascade,
    line           integer not null,
    borough_code   text,
    borough_name   text not null,
    major_category text not null,
    minor_category text not null,
    month          date not null,
    offences       bigint not null
);
create index opendata_london_borough_crime_month on opendata_london_borough_crime (month);
create index opendata_london_borough_crime_file on opendata_london_borough_crime (file_id);
