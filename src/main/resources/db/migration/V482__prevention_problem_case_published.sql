-- Prevention publishes its problem-solving cases for the inspection's Q1.2 (how well the force works to prevent crime
-- and ASB): each case's borough, what it is about, the SARA stage it has reached and when it opened, with its actions
-- counted; never the subject, the notes or who works it.
create view prevention_problem_case_published as
select p.id as case_id, p.borough_code, p.subject_type, p.stage, p.opened_at::date as opened_on, p.response_started,
       p.stage in ('assess', 'closed') as assessed,
       count(a.id) as actions, count(a.done_at) as actions_done
from problem_case p
left join problem_case_action a on a.case_id = p.id
group by p.id;

comment on view prevention_problem_case_published is
    'Published interface of the prevention capability: each problem-solving case''s borough, subject type (person, '
    'place or ward), SARA stage, day opened, day its response started, whether it reached assessment, and its '
    'actions counted and done; never the subject, notes or owners. Read by inspection. Read-only.';
