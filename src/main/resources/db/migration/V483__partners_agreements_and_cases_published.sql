-- Working with partners, published for the inspection's Q1.3 (how well the force works with partners): the
-- information-sharing agreements with their dates, and the multi-agency cases with the agencies working each; never
-- the agreements' terms, the cases' subjects, summaries or recommendations.
create view partners_sharing_agreement_published as
select a.id as agreement_id, a.starts_on, a.review_on, a.withdrawn_on, a.renewed_on,
       (select count(*) from sharing_agreement_party p where p.agreement_id = a.id) as organisations
from sharing_agreement a
group by a.id;

comment on view partners_sharing_agreement_published is
    'Published interface of information sharing: each agreement''s start, review (lapse) day, withdrawal and '
    'renewal days and how many organisations are party to it; never its purpose, terms or owner. Read by '
    'inspection. Read-only.';

create view partners_case_published as
select c.id as case_id, c.kind, c.borough_code, c.opened_on, c.meeting_on, c.closed_on,
       (select count(*) from partner_case_party p where p.case_id = c.id) as agencies
from partner_case c
group by c.id;

comment on view partners_case_published is
    'Published interface of the partners capability: each multi-agency case''s kind (ASB case review, ASB MARAC, '
    'complex case panel), borough, days opened, met and closed, and how many partner organisations work it; never '
    'its subject, summary, risk or recommendations. Read by inspection. Read-only.';
