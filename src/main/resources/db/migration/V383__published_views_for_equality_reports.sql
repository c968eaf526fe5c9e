-- Published views for the equality reports (partners), so that they read who is on the gangs matrix and in the IOM
-- cohort without naming organised crime's or offenders' tables. Each gives record ids and the groups reported on,
-- never names or reasons. The person's sex and date of birth come from the people kernel's person records.

create view organisedcrime_gang_nominal_published as
select n.id as nominal_id, n.borough_code, n.ethnicity, n.status, n.score
from gang_nominal n;

comment on view organisedcrime_gang_nominal_published is
    'Published interface of the organised crime capability: each person considered for the gangs matrix (nominal id, '
    'borough, ethnicity as recorded, status included, not included or removed, harm score). The person record is '
    'source_type ''gang'', source_id the nominal id. Read by partners (equality report). Read-only.';

create function published_view_for_equality_read_only() returns trigger language plpgsql as $$
begin
    raise exception '% is a published view and is read-only', tg_table_name;
end $$;
create trigger organisedcrime_gang_nominal_published_read_only instead of insert or update or delete
    on organisedcrime_gang_nominal_published for each row execute function published_view_for_equality_read_only();

-- The cohort as it stands: the latest run's rule cohort, less live 'remove' exceptions, plus live 'add' exceptions.
create view offenders_iom_cohort_published as
with latest as (
    select id, as_of from iom_cohort_run order by as_of desc, id desc limit 1
),
live as (
    select borough_code, offender_id, kind from iom_cohort_exception where withdrawn_at is null
)
select s.offender_id, s.borough_code, s.score, l.as_of,
       (s.in_rule_cohort and not exists (select 1 from live x where x.offender_id = s.offender_id
                                         and x.borough_code = s.borough_code and x.kind = 'remove'))
       or exists (select 1 from live x where x.offender_id = s.offender_id and x.borough_code = s.borough_code
                  and x.kind = 'add') as in_cohort
from iom_cohort_score s
join latest l on l.id = s.run_id;

comment on view offenders_iom_cohort_published is
    'Published interface of the offenders capability: each offender scored in the latest IOM cohort run (offender id, '
    'borough, score, the run''s date) and whether they are in the cohort after live exceptions. The person record is '
    'source_type ''offender'', source_id the offender id. Read by partners (equality report). Read-only.';

create trigger offenders_iom_cohort_published_read_only instead of insert or update or delete
    on offenders_iom_cohort_published for each row execute function published_view_for_equality_read_only();
