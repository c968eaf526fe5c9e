-- Investigation publishes, for each crime victim, whether a victim personal statement was offered when the crime was
-- reported (a personal statement contact on the day it was recorded), so that measure can answer the inspection's
-- finding that victims were not offered one when they report. No names, no statement.
create view investigation_personal_statement_published as
select e.crime_id, e.person_record_id, e.service,
       exists (select 1 from victims_code_contact v join crime c on c.id = v.crime_id
               where v.crime_id = e.crime_id and v.kind = 'PERSONAL_STATEMENT'
                 and (v.person_record_id is null or v.person_record_id = e.person_record_id)
                 and cast(v.at as date) = cast(c.recorded_at as date)) as offered_at_report
from victims_code_entitlement e;

comment on view investigation_personal_statement_published is
    'Published interface of the investigation capability: each crime victim''s Victims'' Code service and whether a '
    'victim personal statement was offered (offered, declined or taken) on the day the crime was recorded; never '
    'names or the statement. Read by measure. Read-only.';

create trigger investigation_personal_statement_published_read_only instead of insert or update or delete
    on investigation_personal_statement_published for each row execute function investigation_published_read_only();

insert into measure_offence_group (id, title, meaning, records, filled_by, unheld) values
    ('crime_victims', 'Crime victims (people)',
     'Victims of crimes recorded, people rather than businesses, each entitled to the Victims'' Code.',
     'crime', 'crimes recorded in Peel, with their victims (peel generate, or recording)',
     'Victims and their Victims'' Code entitlement are the force''s own records (source: Peel''s own records).'),
    ('vps_offered_at_report', 'Victims offered a personal statement at report',
     'Crime victims (people) offered a victim personal statement on the day the crime was recorded, whether they took it or declined.',
     'crime', 'crimes recorded in Peel, with their victims',
     'Personal statement offers are the force''s own records (source: Peel''s own records).');

insert into measure_offence_category (source, pattern, group_id) values
    ('peel', 'Crime victim (person)', 'crime_victims'),
    ('peel', 'Victim offered a personal statement at report', 'vps_offered_at_report');

insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, decimals, period_offset_years, change_years, ordinal,
                               count_basis) values
    ('vps_offered_at_report_pct', 1, 'Victims offered a personal statement when they report',
     'Crime victims (people) offered a victim personal statement on the day the crime was recorded ÷ crime victims (people) of crimes recorded in the 12 months × 100.',
     'ratio', 'vps_offered_at_report', null, 'offences', 'crime_victims', 100, '%', 1, 0, null, 128,
     'victims of crimes recorded in the period');

drop view measure_fact;

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
from ocg g
join borough b on b.code = g.borough_code
cross join lateral (select d::date as month
                    from generate_series(date_trunc('month', g.mapped_on::timestamp),
                                         date_trunc('month', localtimestamp), interval '1 month') d) m
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
