-- Organised crime publishes each group's assessments and each disruption, for the inspection's Q4.1 (how well the
-- force understands the threat): whether active groups are scored under one model, and whether a group is scored
-- again after an operation against it. Never the facts scored, reasons or summaries.
create view organisedcrime_assessment_published as
select a.ocg_id, g.borough_code, a.model_version, a.score, a.band, a.assessed_on
from ocg_assessment a
join ocg g on g.id = a.ocg_id;

comment on view organisedcrime_assessment_published is
    'Published interface of the organised crime capability: each assessment of a group (its borough, the model '
    'version, score, band and day assessed); never the facts given, contributions or reasons. Read by inspection. '
    'Read-only.';

create view organisedcrime_disruption_published as
select d.id as disruption_id, d.ocg_id, g.borough_code, d.heading, d.impact, d.occurred_on
from ocg_disruption d
join ocg g on g.id = d.ocg_id;

comment on view organisedcrime_disruption_published is
    'Published interface of the organised crime capability: each disruption of a group (its borough, 4P heading, '
    'graded impact and day); never its summary, results or who recorded it. Read by inspection. Read-only.';
