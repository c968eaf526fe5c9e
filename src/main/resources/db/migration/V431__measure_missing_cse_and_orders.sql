-- Measure gains the rest of the vulnerability figures the inspection asked for: missing episodes, persistently
-- missing children by borough, child sexual exploitation cases by risk, and protective and disruption orders in
-- force. Vulnerability publishes what measure reads (no names); measure counts months from it.

-- Persistently missing people on each month's count day (its last day, or today for the month in progress): a
-- person is one resolved person where identity resolution has linked their records, otherwise the episode alone, as
-- the coordinators' lists group them (PersistentMissingList); persistent by the rule the force configures
-- (vulnerability_missing_setting): that many episodes or more reported on the days (count day - days, count day].
-- The person counts in the borough, ward and LSOA of their latest episode in the window, and as a child when any of
-- those episodes was a child's.
create view vulnerability_persistent_missing_published as
with rule as (
    select persistent_episodes as episodes, persistent_days as days from vulnerability_missing_setting
), episode as (
    select m.id, m.borough_code, m.ward_code, m.lsoa_code, m.child, m.reported_at,
           cast(m.reported_at as date) as day, coalesce('p' || l.person_id, 'e' || m.id) as person
    from missing_episode m
    left join lateral (select r.seq from person_record r
                       where r.source_type = 'missing_episode' and r.source_id = m.id and r.role = 'missing person'
                       order by r.seq limit 1) r on true
    left join person_link l on l.person_record_id = r.seq and l.ended_at is null
), count_day as (
    select d::date as month, least(cast(d + interval '1 month' - interval '1 day' as date), current_date) as on_day
    from generate_series((select date_trunc('month', cast(min(reported_at) as timestamp)) from missing_episode),
                         date_trunc('month', localtimestamp), interval '1 month') d
), windowed as (
    select c.month, c.on_day, e.person, e.borough_code, e.ward_code, e.lsoa_code,
           row_number() over (partition by c.month, e.person order by e.reported_at desc, e.id desc) as newest,
           count(*) over (partition by c.month, e.person) as episodes,
           bool_or(e.child) over (partition by c.month, e.person) as child
    from count_day c
    cross join rule
    join episode e on e.day between c.on_day - (rule.days - 1) and c.on_day
)
select w.month, w.on_day as counted_on, w.person, w.borough_code, w.ward_code, w.lsoa_code, w.child,
       w.episodes as episodes_in_window
from windowed w cross join rule
where w.newest = 1 and w.episodes >= rule.episodes;

comment on view vulnerability_persistent_missing_published is
    'Published interface of the vulnerability capability: for each month, each person persistently missing on its '
    'count day (the month''s last day, or today) by the configured rule, with the borough, ward and LSOA of their '
    'latest episode, whether a child, and the episodes in the window; a person is a resolved person id (p…) or an '
    'unresolved episode (e…); never names. Read by measure. Read-only.';

create trigger vulnerability_persistent_missing_published_read_only instead of insert or update or delete
    on vulnerability_persistent_missing_published for each row execute function vulnerability_published_read_only();

-- CSE risk assessments with their child (a resolved person id), borough, grade and when made and closed (a child's
-- open assessment is closed when they are assessed again); never names or indicators.
create view vulnerability_cse_assessment_published as
select id, person_id, borough_code, assessed_at, closed_at, grade, queue, origin
from cse_assessment;

comment on view vulnerability_cse_assessment_published is
    'Published interface of the vulnerability capability: each CSE risk assessment with the child''s person id, '
    'borough, when assessed and closed, the grade (high, medium, low), the queue it went to and whether an officer '
    'made it or persistent missing put the child before the team; never names. Read by measure. Read-only.';

create trigger vulnerability_cse_assessment_published_read_only instead of insert or update or delete
    on vulnerability_cse_assessment_published for each row execute function vulnerability_published_read_only();

-- Orders, each with the moment it comes into force and the moment it stops (null: no end set). Protective orders
-- (DVPN, DVPO) as the Vulnerability pages hold them in force: from service until the DVPO expires or, for a DVPN,
-- until its hearing is due; an order marked ended is not published. Disruption orders (CAWN, SRO, SHPO) from the
-- start of the day issued to the end of the day they expire.
create view vulnerability_order_published as
select o.id, 'protective'::text as family, upper(o.kind) as kind, o.borough_code, o.starts_at as in_force_from,
       coalesce(o.expires_at, o.hearing_due_at) as in_force_until
from protective_order o
where o.status = 'in-force'
union all
select 'DO-' || d.id, 'disruption', d.kind, d.borough_code, cast(d.issued_on as timestamptz),
       cast(d.expires_on + 1 as timestamptz)
from disruption_order d;

comment on view vulnerability_order_published is
    'Published interface of the vulnerability capability: each protective order (DVPN, DVPO) and disruption order '
    '(CAWN, SRO, SHPO) with its borough and the moments it is in force from and until (exclusive; null for no end); '
    'never names of perpetrators, suspects or children. Read by measure. Read-only.';

create trigger vulnerability_order_published_read_only instead of insert or update or delete
    on vulnerability_order_published for each row execute function vulnerability_published_read_only();

-- Measure's stocks from those registers, one row per case or order on each month's count moment (the last moment
-- of the month, or now for the month in progress): open CSE cases (a child's latest assessment made by then and not
-- closed by then; detail its grade) and orders in force then (detail protective or disruption).
create view measure_vulnerability_stock as
with month_of (records, id, person, force_code, borough_code, from_at, until_at, detail, assessed_at) as (
    select 'cse', a.id::text, a.person_id, b.force_code, a.borough_code, cast(a.assessed_at as timestamp),
           cast(a.closed_at as timestamp), a.grade, a.assessed_at
    from vulnerability_cse_assessment_published a join borough b on b.code = a.borough_code
    union all
    select 'orders', o.id, null, b.force_code, o.borough_code, cast(o.in_force_from as timestamp),
           cast(o.in_force_until as timestamp), o.family, o.in_force_from
    from vulnerability_order_published o join borough b on b.code = o.borough_code
), counted as (
    select r.*, m.month
    from month_of r
    cross join lateral (select d::date as month,
                               least(d + interval '1 month' - interval '1 microsecond', localtimestamp) as at
                        from generate_series(date_trunc('month', r.from_at),
                                             least(date_trunc('month', localtimestamp),
                                                   date_trunc('month', coalesce(r.until_at, localtimestamp))),
                                             interval '1 month') d) m
    where r.from_at <= m.at and (r.until_at is null or r.until_at > m.at)
)
select records, force_code, borough_code, month, detail from counted where records = 'orders'
union all
select records, force_code, borough_code, month, detail
from (select distinct on (month, person) * from counted where records = 'cse'
      order by month, person, assessed_at desc, id desc) latest;

comment on view measure_vulnerability_stock is
    'Measure''s open CSE cases and orders in force on each month''s count moment, from vulnerability''s published '
    'views; read by measure_fact and measure_coverage.';

alter table measure_offence_group drop constraint measure_offence_group_records_check;
alter table measure_offence_group add constraint measure_offence_group_records_check
    check (records in ('crime', 'asb', 'ocg', 'domestic-abuse', 'missing', 'missing-reports', 'cse', 'orders'));

insert into measure_offence_group (id, title, meaning, records, stock, filled_by, unheld) values
    ('missing_episodes', 'Missing episodes',
     'Missing reports (episodes) of people of any age, counted in the month reported.',
     'missing-reports', false, 'missing reports recorded in Peel (the Vulnerability section, or peel generate)',
     'Missing episodes are not published as open data by force month; only Peel''s own records hold them (source: Peel''s own records).'),
    ('missing_child_episodes', 'Missing episodes of children',
     'Missing reports (episodes) of children under 18, counted in the month reported.',
     'missing-reports', false, 'missing reports recorded in Peel',
     'Missing episodes are not published as open data by force month; only Peel''s own records hold them (source: Peel''s own records).'),
    ('persistent_missing_children', 'Persistently missing children',
     'Children persistently missing on the count date (the period''s last day): as many episodes or more, in as many days up to it, as the force''s rule says (3 in 90 by default), one resolved person however each report spelt them, in the borough of their latest episode.',
     'missing-reports', true, 'missing reports recorded in Peel, with identity resolution',
     'Persistent missing needs the force''s own records of who was reported missing (source: Peel''s own records).'),
    ('cse_cases', 'Open CSE cases',
     'Children with an open child sexual exploitation risk assessment on the count date (the period''s last day), at their latest assessment.',
     'cse', true, 'CSE risk assessments recorded in Peel (the Vulnerability section, or the demo force)',
     'CSE risk assessments are the force''s own records (source: Peel''s own records).'),
    ('cse_cases_high', 'Open CSE cases at high risk',
     'Open CSE cases on the count date whose latest assessment is high risk (the sexual exploitation team''s).',
     'cse', true, 'CSE risk assessments recorded in Peel',
     'CSE risk assessments are the force''s own records (source: Peel''s own records).'),
    ('cse_cases_medium', 'Open CSE cases at medium risk',
     'Open CSE cases on the count date whose latest assessment is medium risk (the sexual exploitation team''s).',
     'cse', true, 'CSE risk assessments recorded in Peel',
     'CSE risk assessments are the force''s own records (source: Peel''s own records).'),
    ('cse_cases_low', 'Open CSE cases at low risk',
     'Open CSE cases on the count date whose latest assessment is low risk (the borough safeguarding team''s).',
     'cse', true, 'CSE risk assessments recorded in Peel',
     'CSE risk assessments are the force''s own records (source: Peel''s own records).'),
    ('protective_orders_in_force', 'Protective orders in force',
     'Domestic violence protection notices and orders in force at the end of the count date (the period''s last day): a DVPN until its hearing is due, a DVPO until it expires.',
     'orders', true, 'protective orders recorded in Peel (the Vulnerability section)',
     'DVPNs and DVPOs in force are the force''s own records (source: Peel''s own records).'),
    ('disruption_orders_in_force', 'Disruption orders in force',
     'Child abduction warning notices, sexual risk orders and sexual harm prevention orders in force on the count date (the period''s last day): issued on or before it and expiring on or after it.',
     'orders', true, 'disruption orders recorded in Peel (the Vulnerability section, or the demo force)',
     'Disruption orders are the force''s own records (source: Peel''s own records).');

insert into measure_offence_category (source, pattern, group_id) values
    ('peel', 'Missing episode', 'missing_episodes'),
    ('peel', 'Missing episode (child)', 'missing_child_episodes'),
    ('peel', 'Persistently missing child', 'persistent_missing_children'),
    ('peel', 'CSE case open', 'cse_cases'),
    ('peel', 'CSE case open (high risk)', 'cse_cases_high'),
    ('peel', 'CSE case open (medium risk)', 'cse_cases_medium'),
    ('peel', 'CSE case open (low risk)', 'cse_cases_low'),
    ('peel', 'Protective order in force', 'protective_orders_in_force'),
    ('peel', 'Disruption order in force', 'disruption_orders_in_force');

insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, decimals, period_offset_years, change_years, ordinal,
                               count_basis) values
    ('missing_episodes_per_1000', 1, 'Missing episodes per 1,000 population',
     'Missing episodes (people of any age) reported in the 12 months ÷ resident population × 1,000.',
     'ratio', 'missing_episodes', null, 'population', null, 1000, 'per 1,000 population', 1, 0, null, 129,
     'episodes reported in the period'),
    ('missing_child_episode_pct', 1, 'Missing episodes that were of children',
     'Missing episodes of children under 18 reported in the 12 months ÷ missing episodes reported in the 12 months × 100.',
     'ratio', 'missing_child_episodes', null, 'offences', 'missing_episodes', 100, '%', 1, 0, null, 130,
     'episodes reported in the period'),
    ('persistent_missing_children_per_100k', 1, 'Persistently missing children per 100,000 population',
     'Children persistently missing on the period''s last day (by the force''s rule, 3 or more episodes in 90 days by default, one resolved person however spelt), in the borough of their latest episode ÷ resident population × 100,000.',
     'ratio', 'persistent_missing_children', null, 'population', null, 100000, 'per 100,000 population', 1, 0, null,
     131, 'children persistently missing on the period''s last day'),
    ('cse_cases_per_100k', 1, 'Open child sexual exploitation cases per 100,000 population',
     'Children with an open CSE risk assessment on the period''s last day ÷ resident population × 100,000.',
     'ratio', 'cse_cases', null, 'population', null, 100000, 'per 100,000 population', 1, 0, null, 132,
     'cases open on the period''s last day'),
    ('cse_cases_high_pct', 1, 'Open CSE cases at high risk',
     'Open CSE cases on the period''s last day whose latest assessment is high risk ÷ open CSE cases then × 100.',
     'ratio', 'cse_cases_high', null, 'offences', 'cse_cases', 100, '%', 1, 0, null, 133,
     'cases open on the period''s last day'),
    ('cse_cases_medium_pct', 1, 'Open CSE cases at medium risk',
     'Open CSE cases on the period''s last day whose latest assessment is medium risk ÷ open CSE cases then × 100.',
     'ratio', 'cse_cases_medium', null, 'offences', 'cse_cases', 100, '%', 1, 0, null, 134,
     'cases open on the period''s last day'),
    ('cse_cases_low_pct', 1, 'Open CSE cases at low risk',
     'Open CSE cases on the period''s last day whose latest assessment is low risk (the borough''s safeguarding team''s) ÷ open CSE cases then × 100.',
     'ratio', 'cse_cases_low', null, 'offences', 'cse_cases', 100, '%', 1, 0, null, 135,
     'cases open on the period''s last day'),
    ('protective_orders_in_force_per_100k', 1, 'Protective orders (DVPN, DVPO) in force per 100,000 population',
     'Domestic violence protection notices and orders in force at the end of the period''s last day ÷ resident population × 100,000.',
     'ratio', 'protective_orders_in_force', null, 'population', null, 100000, 'per 100,000 population', 1, 0, null,
     136, 'orders in force on the period''s last day'),
    ('disruption_orders_in_force_per_100k', 1, 'Disruption orders (CAWN, SRO, SHPO) in force per 100,000 population',
     'Child abduction warning notices, sexual risk orders and sexual harm prevention orders in force on the period''s last day ÷ resident population × 100,000.',
     'ratio', 'disruption_orders_in_force', null, 'population', null, 100000, 'per 100,000 population', 1, 0, null,
     137, 'orders in force on the period''s last day');

-- measure_fact and measure_coverage as in V331, with missing episodes by the month reported, persistently missing
-- children, open CSE cases by risk and orders in force added.
drop view measure_fact;
drop view measure_coverage;

create view measure_fact as
select 'home-office-prc'::text as source, 'both'::text as grain, p.force_code, null::text as borough_code,
       null::text as ward_code, null::text as lsoa_code, p.year_from as span_from, p.year_to as span_to,
       p.offence as category, null::text as outcome, p.offences as n
from opendata_prc p
where p.force_code is not null
union all
select 'police-uk', 'force', f.force_code, null, null, null, f.month, f.month, f.crime_type, f.outcome, f.n
from measure_police_uk_force f
union all
select 'police-uk', 'area', a.force_code, a.borough_code, a.ward_code, a.lsoa_code, a.month, a.month, a.crime_type,
       a.outcome, a.n
from measure_police_uk_area a
union all
select 'london-borough-crime', 'both', 'E23000001', l.borough_code, null, null, l.month, l.month,
       l.major_category || ' / ' || l.minor_category, null, l.offences
from opendata_london_borough_crime l
union all
select 'peel', 'both', b.force_code, c.borough_code, c.ward_code, c.lsoa_code,
       date_trunc('month', c.recorded_at)::date, date_trunc('month', c.recorded_at)::date,
       c.offence_group || case when c.domestic_abuse then ' (domestic abuse)' else '' end,
       coalesce(o.outcome_code, '0'), 1::bigint
from crime c
join borough b on b.code = c.borough_code
left join crime_outcome o on o.crime_id = c.id
union all
select 'peel', 'both', b.force_code, c.borough_code, c.ward_code, c.lsoa_code,
       date_trunc('month', o.outcome_date)::date, date_trunc('month', o.outcome_date)::date,
       'Outcome: ' || c.offence_group, o.outcome_code, 1::bigint
from crime_outcome o
join crime c on c.id = o.crime_id
join borough b on b.code = c.borough_code
union all
select 'peel', 'both', b.force_code, a.borough_code, a.ward_code, a.lsoa_code,
       date_trunc('month', a.reported_at)::date, date_trunc('month', a.reported_at)::date, 'Anti-social behaviour',
       null, 1::bigint
from asb_incident a
join borough b on b.code = a.borough_code
union all
select 'peel', 'both', b.force_code, g.borough_code, null, null, m.month, m.month, 'Organised crime group', null,
       1::bigint
from organisedcrime_ocg_published g
join borough b on b.code = g.borough_code
cross join lateral (select d::date as month
                    from generate_series(date_trunc('month', g.active_from::timestamp),
                                         least(date_trunc('month', localtimestamp),
                                               date_trunc('month', g.active_to::timestamp) - interval '1 month'),
                                         interval '1 month') d) m
union all
select 'peel', 'both', b.force_code, d.borough_code, d.ward_code, d.lsoa_code,
       date_trunc('month', d.reported_at)::date, date_trunc('month', d.reported_at)::date, k.category, null,
       1::bigint
from vulnerability_domestic_abuse_published d
join borough b on b.code = d.borough_code
cross join lateral (select 'Domestic abuse incident' as category
                    union all select 'Domestic abuse incident (high risk)' where d.grade = 'high'
                    union all select 'MARAC referral' where d.marac_referral
                    union all select 'MARAC referral (repeat)' where d.repeat_referral
                    union all select 'Domestic abuse incident (repeat victim)' where d.repeat_victim
                    union all select 'Domestic abuse incident (reviewed in time)' where d.reviewed_in_time) k
union all
select 'peel', 'both', b.force_code, m.borough_code, m.ward_code, m.lsoa_code,
       date_trunc('month', m.found_at)::date, date_trunc('month', m.found_at)::date, k.category, null, 1::bigint
from vulnerability_missing_episode_published m
join borough b on b.code = m.borough_code
cross join lateral (select 'Child found after going missing' as category
                    union all select 'Return home interview offered in time' where m.return_interview_in_time) k
where m.child and m.found_at is not null
union all
select 'peel', 'both', b.force_code, c.borough_code, c.ward_code, c.lsoa_code,
       date_trunc('month', c.recorded_at)::date, date_trunc('month', c.recorded_at)::date, k.category, null, 1::bigint
from investigation_personal_statement_published p
join investigation_crime_published c on c.id = p.crime_id
join borough b on b.code = c.borough_code
cross join lateral (select 'Crime victim (person)' as category
                    union all select 'Victim offered a personal statement at report' where p.offered_at_report) k
where p.service <> 'BUSINESS'
union all
select 'peel', 'both', b.force_code, m.borough_code, m.ward_code, m.lsoa_code,
       date_trunc('month', m.reported_at)::date, date_trunc('month', m.reported_at)::date, k.category, null, 1::bigint
from vulnerability_missing_episode_published m
join borough b on b.code = m.borough_code
cross join lateral (select 'Missing episode' as category
                    union all select 'Missing episode (child)' where m.child) k
union all
select 'peel', 'both', b.force_code, p.borough_code, p.ward_code, p.lsoa_code, p.month, p.month,
       'Persistently missing child', null, 1::bigint
from vulnerability_persistent_missing_published p
join borough b on b.code = p.borough_code
where p.child
union all
select 'peel', 'both', s.force_code, s.borough_code, null, null, s.month, s.month, k.category, null, 1::bigint
from measure_vulnerability_stock s
cross join lateral (select case s.records when 'cse' then 'CSE case open'
                                          else initcap(s.detail) || ' order in force' end as category
                    union all select 'CSE case open (' || s.detail || ' risk)' where s.records = 'cse') k;

create view measure_coverage as
select distinct 'home-office-prc'::text as source, 'all'::text as records, force_code, year_to as span_to,
       0::bigint as no_borough, 0::bigint as no_ward, 0::bigint as no_lsoa
from opendata_prc where force_code is not null
union all
select 'police-uk', 'all', force_code, month, sum(unlocated)::bigint, sum(unlocated)::bigint, sum(unlocated)::bigint
from opendata_police_uk_month where kind = 'street' group by force_code, month
union all
select distinct 'london-borough-crime', 'all', 'E23000001', month, 0::bigint, 0::bigint, 0::bigint
from opendata_london_borough_crime
union all
select 'peel', 'crime', b.force_code, date_trunc('month', c.recorded_at)::date, 0::bigint,
       count(*) filter (where c.ward_code is null), count(*) filter (where c.lsoa_code is null)
from crime c join borough b on b.code = c.borough_code
group by b.force_code, date_trunc('month', c.recorded_at)::date
union all
select 'peel', 'asb', b.force_code, date_trunc('month', a.reported_at)::date, 0::bigint,
       count(*) filter (where a.ward_code is null), count(*) filter (where a.lsoa_code is null)
from asb_incident a join borough b on b.code = a.borough_code
group by b.force_code, date_trunc('month', a.reported_at)::date
union all
select distinct 'peel', 'ocg', b.force_code, d::date, 0::bigint, 0::bigint, 0::bigint
from organisedcrime_ocg_published g
join borough b on b.code = g.borough_code
cross join lateral generate_series(date_trunc('month', g.active_from::timestamp), date_trunc('month', localtimestamp),
                                   interval '1 month') d
union all
select 'peel', 'domestic-abuse', b.force_code, date_trunc('month', d.reported_at)::date, 0::bigint,
       count(*) filter (where d.ward_code is null), count(*) filter (where d.lsoa_code is null)
from vulnerability_domestic_abuse_published d join borough b on b.code = d.borough_code
group by b.force_code, date_trunc('month', d.reported_at)::date
union all
select 'peel', 'missing', b.force_code, date_trunc('month', m.found_at)::date, 0::bigint,
       count(*) filter (where m.ward_code is null), count(*) filter (where m.lsoa_code is null)
from vulnerability_missing_episode_published m join borough b on b.code = m.borough_code
where m.found_at is not null
group by b.force_code, date_trunc('month', m.found_at)::date
union all
select 'peel', 'missing-reports', b.force_code, date_trunc('month', m.reported_at)::date, 0::bigint,
       count(*) filter (where m.ward_code is null), count(*) filter (where m.lsoa_code is null)
from vulnerability_missing_episode_published m join borough b on b.code = m.borough_code
group by b.force_code, date_trunc('month', m.reported_at)::date
union all
select 'peel', r.records, r.force_code, r.month, 0::bigint, count(s.records), count(s.records)
from (select f.records, f.force_code, d::date as month
      from (select records, force_code, min(month) as first from measure_vulnerability_stock group by 1, 2) f
      cross join lateral generate_series(cast(f.first as timestamp), date_trunc('month', localtimestamp),
                                         interval '1 month') d) r
left join measure_vulnerability_stock s on s.records = r.records and s.force_code = r.force_code
                                       and s.month = r.month
group by r.records, r.force_code, r.month;
