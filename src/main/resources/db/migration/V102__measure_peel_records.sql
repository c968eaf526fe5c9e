-- Peel's own records as a fact source beside the published tables: the same indicator definitions run over the
-- force's crimes (with their outcomes and domestic abuse flag), ASB incidents and organised crime groups. The facts
-- are views over the operational tables, so they are always as fresh as the records themselves.

-- own: the source is the force's own records in Peel rather than a published table. Figures are made from one kind
-- or the other, never a mix, and each says which.
alter table measure_source add column own boolean not null default false;

insert into measure_source (id, title, grain_months, publisher, licence, preference, places, own) values
    ('peel', 'Peel''s own records', 1, 'the force''s crime, ASB and OCG records in Peel', 'held by the force, not published',
     0, '{force,borough,ward,lsoa}', true);

-- records: which records a group is counted from, so that a source's months are judged by those records (a month
-- holding crimes but no ASB incidents is missing for ASB, not a month of no ASB). stock: the group is a count of
-- what exists on the period's last day (organised crime groups on the count date), not of events over the period.
alter table measure_offence_group
    add column records text not null default 'crime' check (records in ('crime', 'asb', 'ocg')),
    add column stock boolean not null default false;

-- unheld: why no source holds the group, said beside "not available" when none of the origin asked for does.
alter table measure_offence_group add column unheld text;

update measure_offence_group set records = 'asb' where id = 'asb_incidents';
update measure_offence_group
set unheld = 'Calls for assistance are returned to the Home Office under the Annual Data Requirement, which is not published as open data, and Peel does not take the force''s calls: no table Peel imports or keeps counts them.'
where id = 'calls_for_assistance';
update measure_offence_group
set unheld = 'Victim satisfaction comes from the force''s user satisfaction survey, returned to the Home Office under the Annual Data Requirement and not published as open data; Peel holds no survey answers.'
where id = 'victim_surveyed';
update measure_offence_group
set unheld = 'Organised crime group mapping is not published as open data; Peel''s own records hold the force''s groups (source: Peel''s own records).'
where id = 'ocg';
update measure_offence_group
set unheld = 'police.uk and the Home Office force table carry no domestic abuse flag; Peel''s own records do (source: Peel''s own records).'
where id = 'domestic_abuse';
update measure_offence_group set records = 'ocg', stock = true,
    meaning = 'Organised crime groups mapped (OCGM) on the count date, the last day of the period. Peel''s own records: groups on the register mapped on or before that day.'
where id = 'ocg';
update measure_offence_group
set meaning = 'Recorded crimes carrying the Home Office domestic abuse flag, excluding fraud. Peel''s own records: crimes with the domestic abuse flag set.'
where id = 'domestic_abuse';

-- Peel's crime categories are its offence groups, as the Home Office tables name them (Peel's synthetic force)
-- and as Peel's offence list names them (crimes recorded in Peel), with " (domestic abuse)" added to a flagged crime.
insert into measure_offence_category (source, pattern, group_id)
with peel_group (name, victim_based) as (values
    ('All other theft offences', true), ('Bicycle theft', true), ('Criminal damage and arson', true),
    ('Death or serious injury caused by illegal driving', true),
    ('Death or serious injury caused by unlawful driving', true), ('Domestic burglary', true),
    ('Homicide', true), ('Non-domestic burglary', true), ('Non-residential burglary', true),
    ('Residential burglary', true), ('Robbery', true), ('Sexual offences', true), ('Shoplifting', true),
    ('Stalking and harassment', true), ('Theft from the person', true), ('Vehicle offences', true),
    ('Violence with injury', true), ('Violence without injury', true),
    ('Drug offences', false), ('Miscellaneous crimes against society', false),
    ('Possession of weapons offences', false), ('Public order offences', false)),
peel_flag (suffix) as (values (''), (' (domestic abuse)')),
peel_category (name, category, victim_based) as (
    select g.name, g.name || f.suffix, g.victim_based from peel_group g cross join peel_flag f)
select 'peel', category, 'recorded_crime_excl_fraud' from peel_category
union all select 'peel', category, 'victim_based_crime' from peel_category where victim_based
union all select 'peel', category, 'sexual_offences' from peel_category where name = 'Sexual offences'
union all select 'peel', category, 'violence_with_injury' from peel_category
          where name in ('Homicide', 'Violence with injury')
union all select 'peel', category, 'burglary_dwelling' from peel_category
          where name in ('Domestic burglary', 'Residential burglary')
union all select 'peel', name || ' (domestic abuse)', 'domestic_abuse' from peel_group
union all select 'peel', 'Anti-social behaviour', 'asb_incidents'
union all select 'peel', 'Organised crime group', 'ocg';

-- Two outcome groups police.uk never shows, which Peel's own outcome types can fill: taken into consideration (4)
-- and diversionary activity (22), each reported on its own (standards 1.3). Display order renumbered to fit them.
insert into measure_outcome_group (id, title, meaning, ordinal) values
    ('taken_into_consideration', 'Taken into consideration', 'Outcome type 4: taken into consideration with another offence.', 0),
    ('diversionary', 'Diversionary, educational or intervention activity', 'Outcome type 22, reported apart from the out-of-court groups.', 0);
update measure_outcome_group set ordinal = case id
    when 'charged' then 10 when 'taken_into_consideration' then 20 when 'out_of_court_formal' then 30
    when 'out_of_court_informal' then 40 when 'diversionary' then 50 when 'not_in_public_interest' then 60
    when 'evidential_difficulties' then 70 when 'no_suspect' then 80 when 'other_body' then 90
    when 'not_yet_assigned' then 100 end;

-- Peel's outcomes are Home Office outcome type codes; a crime with no outcome yet has type 0. Type 19 (a National
-- Fraud Intelligence Bureau case) is given only to fraud, which no indicator counts.
insert into measure_outcome_category (source, outcome, group_id)
select 'peel', c, 'charged' from unnest(array['1']) c
union all select 'peel', c, 'taken_into_consideration' from unnest(array['4']) c
union all select 'peel', c, 'out_of_court_formal' from unnest(array['2', '3', '6']) c
union all select 'peel', c, 'out_of_court_informal' from unnest(array['7', '8']) c
union all select 'peel', c, 'diversionary' from unnest(array['22']) c
union all select 'peel', c, 'not_in_public_interest' from unnest(array['5', '9', '10', '11', '12', '13', '17', '21']) c
union all select 'peel', c, 'evidential_difficulties' from unnest(array['14', '15', '16']) c
union all select 'peel', c, 'no_suspect' from unnest(array['18']) c
union all select 'peel', c, 'other_body' from unnest(array['20']) c
union all select 'peel', c, 'not_yet_assigned' from unnest(array['0']) c;

insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, period_offset_years, change_years, ordinal) values
    ('outcome_taken_into_consideration_pct', 1, 'Taken into consideration',
     'Offences recorded in the 12 months taken into consideration ÷ offences recorded × 100.',
     'ratio', 'recorded_crime_excl_fraud', 'taken_into_consideration', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 111),
    ('outcome_diversionary_pct', 1, 'Diversionary, educational or intervention activity',
     'Offences recorded in the 12 months closed with diversionary, educational or intervention activity ÷ offences recorded × 100.',
     'ratio', 'recorded_crime_excl_fraud', 'diversionary', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 113);

-- A version 2 of the two indicators Peel's own records now answer, saying how.
insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, period_offset_years, change_years, ordinal)
select id, 2, title, meaning || case id
        when 'domestic_abuse_pct' then ' Fraud is left out of the numerator as of the denominator.'
        else ' The count date is the last day of the period; the population is the mid-year estimate nearest before it.' end,
       kind, numerator_group, outcome_group, denominator, denominator_group, factor, unit, period_offset_years,
       change_years, ordinal
from measure_indicator where id in ('domestic_abuse_pct', 'ocgs_per_million') and version = 1;

-- A month's facts and coverage are found by the month a record falls in.
create index crime_recorded_month on crime ((date_trunc('month', recorded_at)::date));
create index asb_incident_reported_month on asb_incident ((date_trunc('month', reported_at)::date));

drop view measure_fact;
drop view measure_coverage;

-- As in V101, with Peel's own records added: every crime (its offence group, flagged if domestic abuse, and its
-- latest outcome type, 0 when none), every ASB incident, and every organised crime group for each month from the one
-- it was mapped in. A crime always has a borough; ward and LSOA may be missing, and then it counts for no ward or LSOA.
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
                                         date_trunc('month', localtimestamp), interval '1 month') d) m;

-- As in V101, with the records each coverage row speaks for ('all' for a published table, which publishes every
-- kind it holds at once) and the rows placed in no borough, no ward and no LSOA. Peel's own records cover a month
-- for crime when the force holds a crime recorded in it, for ASB when it holds an incident, and for OCGs from the
-- month the first group was mapped.
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
from ocg g
join borough b on b.code = g.borough_code
cross join lateral generate_series(date_trunc('month', g.mapped_on::timestamp), date_trunc('month', localtimestamp),
                                   interval '1 month') d;
