-- Force in numbers defined as the inspectorate defines it. Each indicator now names its count basis, its own period
-- end (the 12 months asked for, or the year to 31 March before it) and the status filter of what it counts; each
-- offence group names the import that fills it, so a figure Peel cannot give says which import would.

alter table measure_indicator
    add column count_basis      text,
    add column period_end_month integer check (period_end_month between 1 and 12),
    add column status_filter    text;

alter table measure_offence_group add column filled_by text;

update measure_offence_group set filled_by = case id
    when 'recorded_crime_excl_fraud' then 'peel import home-office-prc rec-crime-pfa.csv (forces), or peel import police-uk'
    when 'victim_based_crime' then 'peel import home-office-prc rec-crime-pfa.csv, or peel import police-uk'
    when 'sexual_offences' then 'peel import home-office-prc rec-crime-pfa.csv'
    when 'violence_with_injury' then 'peel import home-office-prc rec-crime-pfa.csv'
    when 'burglary_dwelling' then 'peel import home-office-prc rec-crime-pfa.csv, with households from peel import population'
    when 'asb_incidents' then 'peel import police-uk (street files)'
    when 'domestic_abuse' then 'crimes recorded in Peel (peel generate, or recording), which carry the domestic abuse flag'
    when 'ocg' then 'organised crime groups on Peel''s register (peel generate, or the organised crime pages)'
    when 'calls_for_assistance' then 'no import: the Annual Data Requirement return is not published'
    when 'victim_surveyed' then 'no import: the user satisfaction survey is not published'
end;

-- The seed's footnote: outcomes recorded in the period over crimes recorded in the period. Peel's own records date
-- each outcome; the published tables Peel imports date outcomes only by the month the crime was recorded, so this
-- basis comes from Peel's own records alone.
insert into measure_offence_group (id, title, meaning, records, filled_by, unheld) values
    ('outcomes_recorded_excl_fraud', 'Outcomes recorded (excluding fraud)',
     'Outcomes assigned in the period to offences excluding fraud, whenever the offence was recorded, counted in the month the outcome was recorded.',
     'crime', 'crimes and outcomes recorded in Peel (peel generate, or recording)',
     'The published tables Peel imports give each crime''s latest outcome by the month the crime was recorded, not the month the outcome was assigned; only Peel''s own records date outcomes.'),
    ('assault_with_injury', 'Assault with injury',
     'Assault with injury as the inspection counts it: the Home Office class of assault occasioning actual bodily harm (with its racially or religiously aggravated form), within violence with injury but without homicide, attempted murder and wounding or GBH with intent. London Datastore: minor category "Assault with Injury".',
     'crime', 'peel import london-borough-crime (the Metropolitan Police only)',
     'The Home Office force table and Peel''s offence groups stop at violence with injury, which also holds homicide and wounding or GBH with intent; only the London Datastore file names assault with injury.'),
    ('victim_satisfied', 'Victims satisfied',
     'Victims answering the user satisfaction survey who were completely, very or fairly satisfied with the whole experience.',
     'crime', 'no import: the user satisfaction survey is not published',
     'Victim satisfaction comes from the force''s user satisfaction survey, returned to the Home Office under the Annual Data Requirement and not published as open data; Peel holds no survey answers.');

insert into measure_offence_category (source, pattern, group_id)
select 'peel', 'Outcome: ' || g, 'outcomes_recorded_excl_fraud' from unnest(array[
    'All other theft offences', 'Bicycle theft', 'Criminal damage and arson',
    'Death or serious injury caused by illegal driving', 'Death or serious injury caused by unlawful driving',
    'Domestic burglary', 'Homicide', 'Non-domestic burglary', 'Non-residential burglary', 'Residential burglary',
    'Robbery', 'Sexual offences', 'Shoplifting', 'Stalking and harassment', 'Theft from the person',
    'Vehicle offences', 'Violence with injury', 'Violence without injury', 'Drug offences',
    'Miscellaneous crimes against society', 'Possession of weapons offences', 'Public order offences']) g
union all select 'london-borough-crime', 'Violence Against the Person / Assault with Injury', 'assault_with_injury';

-- Count basis and period of every indicator already defined (the same version: these describe, they do not change).
update measure_indicator set count_basis = 'offences recorded in the period' where kind = 'ratio' and outcome_group is null;
update measure_indicator set count_basis = 'outcomes assigned to offences recorded in the period, over offences recorded in the period'
where outcome_group is not null;
update measure_indicator set count_basis = 'offences recorded in the period against the same months earlier' where kind = 'change';
update measure_indicator set count_basis = 'incidents recorded in the period' where id like 'asb_incidents%';

-- The charge rate as the seed's footnote defines it: version 2. The former basis stays as its own named indicator.
insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, period_offset_years, change_years, ordinal,
                               count_basis, status_filter) values
    ('charge_rate_pct', 2, 'Charge rate',
     'Charged/summonsed outcomes recorded in the 12 months (whenever the offence was recorded) ÷ offences (excluding fraud) recorded in the 12 months × 100, as the inspection''s Force in numbers footnote defines it.',
     'ratio', 'outcomes_recorded_excl_fraud', 'charged', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 110,
     'outcomes recorded in the period over offences recorded in the period',
     'the outcome in force on the day: a crime''s latest outcome type, counted in the month it was recorded'),
    ('charge_rate_offences_recorded_pct', 1, 'Charge rate (offences recorded in the period)',
     'Offences (excluding fraud) recorded in the 12 months that have since been given a charged/summonsed outcome ÷ offences recorded in the 12 months × 100: Peel''s former basis, kept by name. Recent months read low while investigations are open.',
     'ratio', 'recorded_crime_excl_fraud', 'charged', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 110,
     'outcomes assigned to offences recorded in the period, over offences recorded in the period', null),
    ('assault_with_injury_per_1000', 1, 'Assault with injury per 1,000 population',
     'Assault with injury (actual bodily harm, with its aggravated form; not homicide, attempted murder or wounding with intent) recorded in the 12 months ÷ resident population × 1,000.',
     'ratio', 'assault_with_injury', null, 'population', null, 1000, 'per 1,000 population', 0, null, 75,
     'offences recorded in the period', null);

-- Victim satisfaction: satisfied over surveyed (version 1 divided the surveyed by themselves), year to 31 March.
insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, period_offset_years, change_years, ordinal,
                               count_basis, period_end_month, status_filter)
select id, 2, title,
       'Victims surveyed who were satisfied with the whole experience ÷ victims surveyed × 100, over the 12 months to 31 March.',
       kind, 'victim_satisfied', outcome_group, denominator, 'victim_surveyed', factor, unit, period_offset_years,
       change_years, ordinal, 'survey answers in the year to 31 March', 3,
       'completely, very or fairly satisfied with the whole experience'
from measure_indicator where id = 'victim_satisfaction_pct' and version = 1;

-- Domestic abuse and calls for assistance run to 31 March, as the inspection's tables do.
insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, period_offset_years, change_years, ordinal,
                               count_basis, period_end_month, status_filter)
select id, version + 1, title, meaning || ' Over the 12 months to 31 March at or before the period asked for.',
       kind, numerator_group, outcome_group, denominator, denominator_group, factor, unit, period_offset_years,
       change_years, ordinal, 'offences (calls) recorded in the year to 31 March', 3,
       case id when 'domestic_abuse_pct' then 'crimes flagged domestic abuse; fraud left out of both counts' end
from (select distinct on (id) * from measure_indicator where id in ('domestic_abuse_pct', 'calls_for_assistance_per_1000')
      order by id, version desc) latest;

-- OCGs are a count as at a date: the last day of the period asked for.
insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, period_offset_years, change_years, ordinal,
                               count_basis, status_filter)
select id, version + 1, title, meaning, kind, numerator_group, outcome_group, denominator, denominator_group, factor,
       unit, period_offset_years, change_years, ordinal, 'groups on the register as at the last day of the period',
       'groups mapped on or before that day; Peel''s register holds no archived status yet, so none is left out for it'
from (select distinct on (id) * from measure_indicator where id = 'ocgs_per_million' order by id, version desc) latest;

-- Peel's own outcomes as facts of their own, dated by the month each outcome was recorded. The crime facts and
-- coverage are as before (V102, V140).
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
                                         date_trunc('month', localtimestamp), interval '1 month') d) m;
