-- What the officer wrote of the crime and where: the free-text account of what happened, and the address as given
-- (from whose postcode Peel found the ward, LSOA and point). And how each allocation came to its owner, so the
-- crime page can say it in words: on duty, the next shift (and when it starts), the duty detective, a neighbouring
-- borough. Null for allocations made before the route was kept, and for a supervisor's choice.
alter table crime add column account text, add column address text;
alter table crime_allocation add column route text, add column starts_at timestamptz;
