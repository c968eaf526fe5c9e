-- Force -> borough (BCU / local authority) -> ward -> LSOA, by ONS GSS code.
create table force_area (
    code text primary key,
    name text not null
);

create table borough (
    code       text primary key,
    name       text not null,
    force_code text not null references force_area (code),
    boundary   bytea
);

create table ward (
    code            text primary key,
    name            text not null,
    borough_code    text not null references borough (code),
    boundary        bytea,
    boundary_source text
);
create index ward_borough on ward (borough_code);

create table lsoa (
    code         text primary key,
    name         text,
    ward_code    text references ward (code),
    borough_code text references borough (code),
    boundary     bytea,
    centroid_lat double precision,
    centroid_lon double precision,
    population   integer
);
create index lsoa_ward on lsoa (ward_code);
create index lsoa_borough on lsoa (borough_code);

-- Without any imported geography Peel still knows the Met's 32 boroughs and the City of London.
insert into force_area (code, name) values
    ('E23000001', 'Metropolitan Police'),
    ('E23000034', 'City of London');

insert into borough (code, name, force_code) values
    ('E09000001', 'City of London', 'E23000034'),
    ('E09000002', 'Barking and Dagenham', 'E23000001'),
    ('E09000003', 'Barnet', 'E23000001'),
    ('E09000004', 'Bexley', 'E23000001'),
    ('E09000005', 'Brent', 'E23000001'),
    ('E09000006', 'Bromley', 'E23000001'),
    ('E09000007', 'Camden', 'E23000001'),
    ('E09000008', 'Croydon', 'E23000001'),
    ('E09000009', 'Ealing', 'E23000001'),
    ('E09000010', 'Enfield', 'E23000001'),
    ('E09000011', 'Greenwich', 'E23000001'),
    ('E09000012', 'Hackney', 'E23000001'),
    ('E09000013', 'Hammersmith and Fulham', 'E23000001'),
    ('E09000014', 'Haringey', 'E23000001'),
    ('E09000015', 'Harrow', 'E23000001'),
    ('E09000016', 'Havering', 'E23000001'),
    ('E09000017', 'Hillingdon', 'E23000001'),
    ('E09000018', 'Hounslow', 'E23000001'),
    ('E09000019', 'Islington', 'E23000001'),
    ('E09000020', 'Kensington and Chelsea', 'E23000001'),
    ('E09000021', 'Kingston upon Thames', 'E23000001'),
    ('E09000022', 'Lambeth', 'E23000001'),
    ('E09000023', 'Lewisham', 'E23000001'),
    ('E09000024', 'Merton', 'E23000001'),
    ('E09000025', 'Newham', 'E23000001'),
    ('E09000026', 'Redbridge', 'E23000001'),
    ('E09000027', 'Richmond upon Thames', 'E23000001'),
    ('E09000028', 'Southwark', 'E23000001'),
    ('E09000029', 'Sutton', 'E23000001'),
    ('E09000030', 'Tower Hamlets', 'E23000001'),
    ('E09000031', 'Waltham Forest', 'E23000001'),
    ('E09000032', 'Wandsworth', 'E23000001'),
    ('E09000033', 'Westminster', 'E23000001');
