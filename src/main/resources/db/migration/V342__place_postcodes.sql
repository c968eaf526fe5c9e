-- The place capability's postcode lookup: which ward (and LSOA, when known) a postcode lies in, as a postcode
-- directory (the ONS Postcode Directory's pcds, osward, lsoa11 columns) publishes it, or as the synthetic force
-- draws its addresses. Postcodes are held normalised: upper case, one space before the inward code.
create table place_postcode (
    postcode  text primary key,
    ward_code text not null references ward (code),
    lsoa_code text,
    source    text not null
);
create index place_postcode_ward on place_postcode (ward_code);
