-- A synthetic force built from one year's published volumes may be dated in another year: the live demo's records
-- fall in the twelve months before the day it was generated. Null: the records fall in the year to year_to.
alter table synthetic_generation add column ends_before date;
