-- Neighbourhood officers assigned to the wards they police, by an administrator, so that an officer's home page lists
-- the highest-harm offenders living in their own wards and the tasks sent to them. Ended, never deleted.
create table neighbourhood_ward_officer (
    id          bigserial primary key,
    username    text        not null,
    ward_code   text        not null references ward (code),
    assigned_by text        not null,
    assigned_at timestamptz not null,
    ended_by    text,
    ended_at    timestamptz,
    check ((ended_at is null) = (ended_by is null))
);
create unique index neighbourhood_ward_officer_live on neighbourhood_ward_officer (username, ward_code)
    where ended_at is null;
create index neighbourhood_ward_officer_ward on neighbourhood_ward_officer (ward_code) where ended_at is null;
create trigger neighbourhood_ward_officer_versions before update on neighbourhood_ward_officer
    for each row execute function keep_previous_version('id');
create trigger neighbourhood_ward_officer_no_delete before delete on neighbourhood_ward_officer
    for each row execute function forbid_delete();

-- An offender's home address as the offender manager records it; the ward comes from the postcode (the place
-- capability's lookup) and becomes offender.ward_code, so that tasks follow the address. Each address is kept.
create table offender_address (
    id           bigserial primary key,
    offender_id  text        not null references offender (id),
    address      text        not null check (length(trim(address)) > 0),
    postcode     text        not null,
    ward_code    text        not null references ward (code),
    borough_code text        not null references borough (code),
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index offender_address_offender on offender_address (offender_id, recorded_at desc);
create trigger offender_address_no_delete before delete on offender_address
    for each row execute function forbid_delete();
