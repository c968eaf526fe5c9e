-- OCGs per million counts only groups active on the count date, and measure reads them only through the view
-- organised crime publishes (organisedcrime_ocg_published), never its table. A group counts in a month when it was
-- active on the month's last day: mapped on or before it, and not archived on or before it (so a group archived on
-- 15 March counts to February; one archived on 1 April counts in March). The rest of both views is as in V313 and
-- V312 (domestic abuse, missing children and personal statements through their published views).
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
where p.service <> 'BUSINESS';

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
group by b.force_code, date_trunc('month', m.found_at)::date;

-- The indicator states what it counts: groups active on the count date, now that the register holds archiving.
insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, period_offset_years, change_years, ordinal,
                               count_basis, period_end_month, status_filter)
select id, version + 1, title, meaning, kind, numerator_group, outcome_group, denominator, denominator_group, factor,
       unit, period_offset_years, change_years, ordinal, count_basis, period_end_month,
       'groups active on that day: mapped on or before it and not archived on or before it'
from (select distinct on (id) * from measure_indicator where id = 'ocgs_per_million' order by id, version desc) latest;

update measure_offence_group
set meaning = 'Organised crime groups active on the count date, the last day of the period. Peel''s own records: groups on the register mapped on or before that day and not archived on or before it (organisedcrime_ocg_published).'
where id = 'ocg';
