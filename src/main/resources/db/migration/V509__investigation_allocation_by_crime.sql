-- A crime's allocations, current and ended, by crime. The published allocation view (and the inspection's evidence,
-- the allocation figures and the Victims' Code pages read through it) asks for each crime's first allocation; the
-- only index on crime_id covered current allocations, so every crime read the whole allocation table: eleven seconds
-- for the PEEL inspection page over the demo's 5,000 crimes, and growing with the square of a force's crimes.
create index crime_allocation_by_crime on crime_allocation (crime_id, allocated_at);

-- The first allocation found once a crime: as a column's subquery it was looked up again for every aggregate that
-- named the column (seven times a crime for the inspection's allocation figures). Same columns, same rows.
create or replace view investigation_allocation_published as
select s.crime_id, c.borough_code, c.recorded_at, s.priority, first.allocated_at as first_allocated_at
from crime_screening s
join crime c on c.id = s.crime_id
left join lateral (select min(a.allocated_at) as allocated_at
                   from crime_allocation a
                   where a.crime_id = s.crime_id) first on true
where s.screened_in;
