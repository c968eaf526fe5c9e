-- Rape as the Home Office classifies it (classes 19C to 19H: rape of a female or male aged 16 or over, under 16 and
-- under 13), recorded on a sexual offence as the RAPE flag, since Peel records offences by Home Office group and
-- "sexual offences" holds far more than rape. The inspection's case-file sample draws its rape files on it.
-- A second version of the published crime view carries it, so that readers of the first see it unchanged.
create view investigation_crime_v2_published as
select c.id, c.borough_code, c.ward_code, c.lsoa_code, c.latitude, c.longitude, c.offence_group, c.police_uk_type,
       c.committed_at, c.recorded_at, c.domestic_abuse, c.hate,
       c.offence_group = 'Sexual offences'
           and exists (select 1 from crime_flag f where f.crime_id = c.id and f.flag = 'RAPE') as rape
from crime c;

comment on view investigation_crime_v2_published is
    'Published interface of the investigation capability, version 2: investigation_crime_published''s columns and '
    'rape, true for a sexual offence recorded as rape (Home Office classes 19C to 19H). Read by inspection for the '
    'case-file sample. Read-only.';

create trigger investigation_crime_v2_published_read_only instead of insert or update or delete
    on investigation_crime_v2_published for each row execute function investigation_published_read_only();
