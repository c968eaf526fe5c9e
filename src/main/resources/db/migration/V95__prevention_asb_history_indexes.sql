-- The first call finds a victim's earlier records by surname with date of birth, or by surname with postcode. One
-- index for each, so that a common surname among a million person records costs a few rows rather than thousands
-- (the surname index alone left Smith's 22,000 records to be read and filtered on every call).
create index person_record_surname_dob on person_record (lower(surname), date_of_birth);
create index person_record_surname_postcode on person_record (lower(surname), upper(replace(postcode, ' ', '')));

-- Earlier incidents near a point: both the latitude and the longitude range are answered from the index, so only
-- the incidents inside the box are read from the table, not every incident in the latitude band across the force.
create index asb_incident_point on asb_incident (latitude, longitude);
drop index asb_incident_latitude;
