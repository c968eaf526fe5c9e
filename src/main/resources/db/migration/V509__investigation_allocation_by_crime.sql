-- A crime's allocations, current and ended, by crime. The published allocation view (and the inspection's evidence,
-- the allocation figures and the Victims' Code pages read through it) asks for each crime's first allocation; the
-- only index on crime_id covered current allocations, so every crime read the whole allocation table: eleven seconds
-- for the PEEL inspection page over the demo's 5,000 crimes, and growing with the square of a force's crimes.
create index crime_allocation_by_crime on crime_allocation (crime_id, allocated_at);
