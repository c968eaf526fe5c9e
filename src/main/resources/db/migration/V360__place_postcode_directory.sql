-- The postcode directory as the ONS Postcode Directory (ONSPD) and the National Statistics Postcode Lookup (NSPL)
-- publish it: a postcode's grid position (its lat and long, WGS84), and, for a terminated postcode, the month it was
-- terminated (doterm, held as the first day of that month). A terminated postcode is kept, so that an address recorded
-- before it was withdrawn still finds its ward; a new address is not recorded at one.
alter table place_postcode add column terminated_on date;
alter table place_postcode add column latitude double precision;
alter table place_postcode add column longitude double precision;
