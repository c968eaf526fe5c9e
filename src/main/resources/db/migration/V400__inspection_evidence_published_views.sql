-- What the inspection gathers as evidence from the other capabilities, each published by the capability that owns
-- the records: aggregate-ready rows with the borough and the dates that decide compliance and delay, never names,
-- notes or who did the work. Read by inspection. Read-only.

-- Victims' Code: each deadline owed to a victim and whether it was met by its due date.
create view investigation_victims_code_deadline_published as
select d.crime_id, c.borough_code, d.kind, d.due_date, d.met_at,
       d.met_at is not null and d.met_at::date <= d.due_date as met_in_time
from victims_code_deadline d
join crime c on c.id = d.crime_id;
comment on view investigation_victims_code_deadline_published is
    'Published interface of the investigation capability: each Victims'' Code deadline (its kind, due date, when '
    'met and whether by its due date) with the crime''s borough; never names or notes. Read by inspection. Read-only.';

-- Allocation: each crime screened in for investigation, when it was recorded and when first given to an
-- investigator.
create view investigation_allocation_published as
select s.crime_id, c.borough_code, c.recorded_at, s.priority,
       (select min(a.allocated_at) from crime_allocation a where a.crime_id = s.crime_id) as first_allocated_at
from crime_screening s
join crime c on c.id = s.crime_id
where s.screened_in;
comment on view investigation_allocation_published is
    'Published interface of the investigation capability: each crime screened in for investigation, its borough, '
    'priority, when recorded and when first allocated to an investigator (null while unallocated); never who. Read '
    'by inspection. Read-only.';

-- Forensic queues: each request for digital or forensic examination, its target and where it stands.
create view investigation_forensic_request_published as
select f.id, f.crime_id, c.borough_code, f.item_type, f.route, f.priority, f.target_days, f.status,
       f.requested_at, f.started_at, f.completed_at
from forensic_request f
join crime c on c.id = f.crime_id;
comment on view investigation_forensic_request_published is
    'Published interface of the investigation capability: each forensic or digital examination request (item type, '
    'route, priority, target days, status and its dates) with the crime''s borough; never items described, results '
    'or who. Read by inspection. Read-only.';

-- IOM: when each case joined and left the managed cohort, by borough; never the offender.
create view offenders_iom_case_published as
select borough_code, opened_on, closed_on
from iom_case;
comment on view offenders_iom_case_published is
    'Published interface of the offenders capability: each IOM case''s borough and when it opened and closed; never '
    'the offender, officers or plan. Read by inspection. Read-only.';

-- Governance: each group's area and cadence, and the days it met.
create view vulnerability_governance_meeting_published as
select g.id as group_id, g.area, g.name, g.cadence_days, g.created_at::date as set_up_on, m.met_on
from governance_group g
left join governance_meeting m on m.group_id = g.id;
comment on view vulnerability_governance_meeting_published is
    'Published interface of the vulnerability capability: each governance group''s area, name, cadence and set-up '
    'day with each day it met (null when it never has); never minutes or actions. Read by inspection. Read-only.';
