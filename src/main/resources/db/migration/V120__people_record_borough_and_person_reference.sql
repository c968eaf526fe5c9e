-- A person record carries the borough of the record it came from, and the sensitive kinds that record itself
-- belongs to beyond its source type (a sexual offence, a missing child), written by the capability that stores it.
-- The people kernel then fences people by borough and withholds sensitive records without reading any
-- capability's tables. A record with no borough is seen only by force-wide roles.
alter table person_record add column borough_code text;
alter table person_record add column sensitivities text[] not null default '{}';

-- Filling in the new columns is not a change to what was recorded: no previous version is kept for it.
alter table person_record disable trigger person_record_versions;

update person_record r
set borough_code  = c.borough_code,
    sensitivities = case when lower(c.offence_group) like 'sexual%' then '{SEXUAL_OFFENCE}'::text[] else '{}' end
from crime c
where r.source_type = 'crime' and c.id = r.source_id;

update person_record r set borough_code = a.borough_code
from asb_incident a
where r.source_type in ('asb_incident', 'asb') and a.id = r.source_id;

update person_record r set borough_code = d.borough_code
from domestic_abuse_incident d
where r.source_type in ('domestic_abuse_incident', 'domestic-abuse') and d.id = r.source_id;

update person_record r
set borough_code  = m.borough_code,
    sensitivities = case when m.child then '{CHILD_PROTECTION}'::text[] else '{}' end
from missing_episode m
where r.source_type in ('missing_episode', 'missing') and m.id = r.source_id;

update person_record r set borough_code = o.borough_code
from offender o
where r.source_type = 'offender' and o.id = r.source_id;

update person_record r set borough_code = g.borough_code
from ocg g
where r.source_type = 'ocg' and g.id = r.source_id;

alter table person_record enable trigger person_record_versions;

create index person_record_borough on person_record (borough_code);

-- A person's public reference: what every URL and API names a person by. Random, so that person numbers (which
-- are sequential) cannot be walked from the outside.
alter table person add column public_ref uuid;
update person set public_ref = gen_random_uuid();
alter table person alter column public_ref set default gen_random_uuid();
alter table person alter column public_ref set not null;
create unique index person_public_ref on person (public_ref);
