-- Prevention's published interface in SQL, as investigation publishes its crimes (V180): other capabilities read
-- ASB incidents only through this view, never the asb_incident table. The incident's place, time and kind; the
-- people in it are person records in the people kernel (source_type 'asb_incident').
create view prevention_asb_incident_published as
select id, borough_code, ward_code, lsoa_code, latitude, longitude, category, sub_type, reported_at
from asb_incident;

comment on view prevention_asb_incident_published is
    'Published interface of the prevention capability: one row per ASB incident with its borough, ward, LSOA, '
    'point, NSIR category, sub-type and when reported; never names. Read by partners (MoPI review, subject '
    'access). Read-only.';

create function prevention_published_read_only() returns trigger language plpgsql as $$
begin
    raise exception '% is a published view of the prevention capability and is read-only', tg_table_name;
end $$;

create trigger prevention_asb_incident_published_read_only instead of insert or update or delete
    on prevention_asb_incident_published for each row execute function prevention_published_read_only();
