-- Prevention publishes the first-call risk assessment of each ASB victim, and investigation the Victims' Code
-- groups each crime victim was found to be in, so that vulnerability can weigh them in one person's priority without
-- reading either capability's tables. Person records only by id: the people kernel resolves who they are.
create view prevention_asb_victim_risk_published as
select a.asb_incident_id, a.victim_record_id as person_record_id, a.grade, a.repeat_victim, a.assessed_at,
       i.borough_code
from asb_assessment a
join asb_incident i on i.id = a.asb_incident_id;

comment on view prevention_asb_victim_risk_published is
    'Published interface of the prevention capability: the ASB first-call risk assessment of each victim (their '
    'person record id, grade standard, medium or high, repeat victim, when assessed, the incident''s borough); never '
    'names or answers. Read by vulnerability (the vulnerable-person priority). Read-only.';

create trigger prevention_asb_victim_risk_published_read_only instead of insert or update or delete
    on prevention_asb_victim_risk_published for each row execute function prevention_published_read_only();

create view investigation_victims_code_published as
select e.crime_id, e.person_record_id, e.service,
       'VULNERABLE' = any (e.groups) as vulnerable, 'INTIMIDATED' = any (e.groups) as intimidated, e.decided_at
from victims_code_entitlement e;

comment on view investigation_victims_code_published is
    'Published interface of the investigation capability: the Victims'' Code service each crime victim is entitled '
    'to (their person record id, enhanced, standard or business) and whether as vulnerable or intimidated, decided '
    'when the crime was recorded; never names or reasons. Read by vulnerability (the vulnerable-person priority). '
    'Read-only.';

create trigger investigation_victims_code_published_read_only instead of insert or update or delete
    on investigation_victims_code_published for each row execute function investigation_published_read_only();
