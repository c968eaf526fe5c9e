-- Investigation's published interface in SQL. Other capabilities read crimes only through this view, never the
-- crime table itself, so that investigation may change its tables (split, rename, add columns) without breaking
-- them, and so that what they can see is decided here: the crime's place, time and kind, and nothing about the
-- people in it or how it is being investigated (no investigator, screening, allocation or victims' code).
create view investigation_crime_published as
select id, borough_code, ward_code, lsoa_code, latitude, longitude, offence_group, police_uk_type,
       committed_at, recorded_at, domestic_abuse, hate
from crime;

comment on view investigation_crime_published is
    'Published interface of the investigation capability: one row per recorded crime with its borough, ward, LSOA, '
    'point, offence group, police.uk type, when committed and recorded, and the domestic abuse and hate flags; '
    'never names, investigators or workflow. Read by prevention (ASB first call victim history, joined to the '
    'people kernel''s person_record on source_type = ''crime''; ward profiles and hotspots). Read-only.';

-- A published view is read, never written through: the application role is granted insert and update on every
-- view with the tables, and a simple view would otherwise pass those writes on to the crime table.
create function investigation_published_read_only() returns trigger language plpgsql as $$
begin
    raise exception '% is a published view of the investigation capability and is read-only', tg_table_name;
end $$;

create trigger investigation_crime_published_read_only instead of insert or update or delete
    on investigation_crime_published for each row execute function investigation_published_read_only();
