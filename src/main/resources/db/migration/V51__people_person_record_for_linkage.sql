-- Identity resolution numbers person records with a compact integer; the recorded id stays as recorded.
alter table person_record add column seq bigint generated always as identity;
create unique index person_record_seq on person_record (seq);

-- The details resolution compares, under the names the linkage engine reads.
create view person_record_for_linkage as
select seq as id, forenames, surname, date_of_birth as dob, sex, address, postcode, phone
from person_record;
