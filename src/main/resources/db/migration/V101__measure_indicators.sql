-- Measure: indicator definitions as data, and the fact sources they run over. measure owns every view here; a
-- source (public tables now, Peel's own records later) joins by adding a branch to measure_fact and measure_coverage.

-- Where facts come from, and the places each can speak for. grain_months is the span one fact covers: 1 for monthly counts, 12 for the Home Office's
-- rolling 12-month totals, which can only answer for 12-month periods ending at a quarter end.
create table measure_source (
    id           text primary key,
    title        text not null,
    grain_months integer not null check (grain_months in (1, 12)),
    publisher    text not null,
    licence      text not null,
    preference   integer not null,
    places       text[] not null
);

insert into measure_source (id, title, grain_months, publisher, licence, preference, places) values
    ('home-office-prc', 'Police recorded crime by police force area (rolling 12 months)', 12, 'Home Office',
     'Open Government Licence v3.0', 1, '{force}'),
    ('london-borough-crime', 'MPS recorded crime by borough, monthly', 1, 'London Datastore (MOPAC/MPS)',
     'Open Government Licence', 2, '{force,borough}'),
    ('police-uk', 'police.uk street-level crime, ASB and outcomes', 1, 'data.police.uk',
     'Open Government Licence v3.0', 3, '{force,borough,ward,lsoa}');

-- Offence groups: the Home Office's crime groups, as each source spells its categories (SQL LIKE patterns).
create table measure_offence_group (
    id      text primary key,
    title   text not null,
    meaning text not null
);

insert into measure_offence_group (id, title, meaning) values
    ('recorded_crime_excl_fraud', 'Recorded crime excluding fraud',
     'All notifiable offences recorded by the police, less fraud offences and the fraud recorded centrally by Action Fraud, CIFAS and UK Finance. police.uk: every crime type except anti-social behaviour (police.uk publishes no fraud).'),
    ('victim_based_crime', 'Victim-based crime',
     'Violence against the person, sexual offences, robbery, theft offences (burglary, vehicle offences, theft from the person, bicycle theft, shoplifting, all other theft), criminal damage and arson.'),
    ('sexual_offences', 'Sexual offences', 'Rape and other sexual offences.'),
    ('violence_with_injury', 'Violence with injury',
     'Violence against the person with injury, including homicide. London Datastore: murder, wounding/GBH, GBH, assault with injury.'),
    ('burglary_dwelling', 'Burglary in a dwelling',
     'Domestic burglary (to March 2017) and residential burglary (from April 2017: the Home Office renamed and slightly widened the class).'),
    ('asb_incidents', 'Anti-social behaviour incidents', 'ASB incidents as published on police.uk (NSIR).'),
    ('domestic_abuse', 'Domestic abuse-related crime', 'Recorded crimes carrying the Home Office domestic abuse flag.'),
    ('ocg', 'Organised crime groups', 'Organised crime groups mapped (OCGM) on the count date.'),
    ('calls_for_assistance', 'Calls for assistance', 'Emergency and non-emergency calls for assistance (ADR).'),
    ('victim_surveyed', 'Victims surveyed', 'Victims answering the user satisfaction survey on the whole experience.');

create table measure_offence_category (
    source   text not null references measure_source (id),
    pattern  text not null,
    group_id text not null references measure_offence_group (id),
    primary key (source, pattern, group_id)
);

insert into measure_offence_category (source, pattern, group_id)
select 'home-office-prc', o, 'recorded_crime_excl_fraud' from unnest(array[
    'All other theft offences', 'Bicycle theft', 'Criminal damage and arson',
    'Death or serious injury caused by illegal driving', 'Domestic burglary', 'Drug offences', 'Homicide',
    'Miscellaneous crimes against society', 'Non-domestic burglary', 'Non-residential burglary',
    'Possession of weapons offences', 'Public order offences', 'Residential burglary', 'Robbery', 'Sexual offences',
    'Shoplifting', 'Stalking and harassment', 'Theft from the person', 'Vehicle offences', 'Violence with injury',
    'Violence without injury']) o
union all
select 'home-office-prc', o, 'victim_based_crime' from unnest(array[
    'All other theft offences', 'Bicycle theft', 'Criminal damage and arson',
    'Death or serious injury caused by illegal driving', 'Domestic burglary', 'Homicide', 'Non-domestic burglary',
    'Non-residential burglary', 'Residential burglary', 'Robbery', 'Sexual offences', 'Shoplifting',
    'Stalking and harassment', 'Theft from the person', 'Vehicle offences', 'Violence with injury',
    'Violence without injury']) o
union all select 'home-office-prc', 'Sexual offences', 'sexual_offences'
union all select 'home-office-prc', 'Homicide', 'violence_with_injury'
union all select 'home-office-prc', 'Violence with injury', 'violence_with_injury'
union all select 'home-office-prc', 'Domestic burglary', 'burglary_dwelling'
union all select 'home-office-prc', 'Residential burglary', 'burglary_dwelling'
union all
select 'police-uk', t, 'recorded_crime_excl_fraud' from unnest(array[
    'Bicycle theft', 'Burglary', 'Criminal damage and arson', 'Drugs', 'Other crime', 'Other theft',
    'Possession of weapons', 'Public order', 'Robbery', 'Shoplifting', 'Theft from the person', 'Vehicle crime',
    'Violence and sexual offences', 'Violent crime', 'Public disorder and weapons']) t
union all
select 'police-uk', t, 'victim_based_crime' from unnest(array[
    'Bicycle theft', 'Burglary', 'Criminal damage and arson', 'Other theft', 'Robbery', 'Shoplifting',
    'Theft from the person', 'Vehicle crime', 'Violence and sexual offences', 'Violent crime']) t
union all select 'police-uk', 'Anti-social behaviour', 'asb_incidents'
union all
select 'london-borough-crime', c, 'recorded_crime_excl_fraud' from unnest(array[
    'Burglary / %', 'Criminal Damage / %', 'Drugs / %', 'Other Notifiable Offences / %', 'Robbery / %',
    'Sexual Offences / %', 'Theft and Handling / %', 'Violence Against the Person / %']) c
union all
select 'london-borough-crime', c, 'victim_based_crime' from unnest(array[
    'Burglary / %', 'Criminal Damage / %', 'Robbery / %', 'Sexual Offences / %',
    'Theft and Handling / Motor Vehicle Interference & Tampering', 'Theft and Handling / Other Theft',
    'Theft and Handling / Other Theft Person', 'Theft and Handling / Theft From Motor Vehicle',
    'Theft and Handling / Theft From Shops', 'Theft and Handling / Theft/Taking Of Motor Vehicle',
    'Theft and Handling / Theft/Taking of Pedal Cycle', 'Violence Against the Person / Assault with Injury',
    'Violence Against the Person / Common Assault', 'Violence Against the Person / Grievous Bodily Harm',
    'Violence Against the Person / Harassment', 'Violence Against the Person / Murder',
    'Violence Against the Person / Other violence', 'Violence Against the Person / Wounding/GBH']) c
union all select 'london-borough-crime', 'Sexual Offences / %', 'sexual_offences'
union all
select 'london-borough-crime', c, 'violence_with_injury' from unnest(array[
    'Violence Against the Person / Assault with Injury', 'Violence Against the Person / Grievous Bodily Harm',
    'Violence Against the Person / Murder', 'Violence Against the Person / Wounding/GBH']) c
union all select 'london-borough-crime', 'Burglary / Burglary in a Dwelling', 'burglary_dwelling';

-- Outcome groups (standards 1.3), and how police.uk's outcome strings fall into them. The police.uk strings do
-- not name Home Office outcome codes; the mapping is Peel's reading of them, kept here so it can be changed.
create table measure_outcome_group (
    id      text primary key,
    title   text not null,
    meaning text not null,
    ordinal integer not null
);

insert into measure_outcome_group (id, title, meaning, ordinal) values
    ('charged', 'Charged/summonsed', 'Outcome type 1: a suspect charged or summonsed, including every court result that follows a charge.', 1),
    ('out_of_court_formal', 'Out-of-court (formal)', 'Outcome types 2, 3 and 6: cautions and penalty notices.', 2),
    ('out_of_court_informal', 'Out-of-court (informal)', 'Outcome types 7 and 8: drugs possession warnings and community (local) resolutions.', 3),
    ('not_in_public_interest', 'Prosecution prevented or not in the public interest', 'Outcome types 5, 9-13, 17 and 21.', 4),
    ('evidential_difficulties', 'Evidential difficulties', 'Outcome types 14-16: police.uk "Unable to prosecute suspect".', 5),
    ('no_suspect', 'Investigation complete – no suspect identified', 'Outcome type 18.', 6),
    ('other_body', 'Action taken by another body', 'Outcome type 20.', 7),
    ('not_yet_assigned', 'Not yet assigned an outcome', 'Outcome type 0: under investigation, or no outcome published.', 8);

create table measure_outcome_category (
    source   text not null references measure_source (id),
    outcome  text not null,
    group_id text not null references measure_outcome_group (id),
    primary key (source, outcome)
);

insert into measure_outcome_category (source, outcome, group_id)
select 'police-uk', o, 'charged' from unnest(array[
    'Suspect charged', 'Suspect charged as part of another case', 'Awaiting court outcome', 'Court result unavailable',
    'Court case unable to proceed', 'Defendant found not guilty', 'Defendant sent to Crown Court', 'Offender fined',
    'Offender deprived of property', 'Offender given absolute discharge', 'Offender given conditional discharge',
    'Offender given community sentence', 'Offender given suspended prison sentence', 'Offender sent to prison',
    'Offender ordered to pay compensation', 'Offender otherwise dealt with', 'Defendant discharged',
    'Offender given a suspended sentence']) o
union all select 'police-uk', o, 'out_of_court_formal' from unnest(array[
    'Offender given a caution', 'Offender given penalty notice']) o
union all select 'police-uk', o, 'out_of_court_informal' from unnest(array[
    'Offender given a drugs possession warning', 'Local resolution']) o
union all select 'police-uk', o, 'not_in_public_interest' from unnest(array[
    'Formal action is not in the public interest', 'Further action is not in the public interest',
    'Further investigation is not in the public interest']) o
union all select 'police-uk', 'Unable to prosecute suspect', 'evidential_difficulties'
union all select 'police-uk', o, 'no_suspect' from unnest(array[
    'Investigation complete; no suspect identified', 'No further action at this time']) o
union all select 'police-uk', 'Action to be taken by another organisation', 'other_body'
union all select 'police-uk', o, 'not_yet_assigned' from unnest(array[
    'Under investigation', 'Status update unavailable', '']) o;

-- Indicators: numerator ÷ denominator × factor. A ratio's numerator is an offence group (optionally only offences
-- given an outcome in outcome_group) over the period, shifted back period_offset_years; its denominator is the
-- population, households, or offences of denominator_group. A change is the percentage change in the count of
-- numerator_group from change_years earlier. Versions are kept: a figure names the version it was made with.
create table measure_indicator (
    id                  text not null,
    version             integer not null,
    title               text not null,
    meaning             text not null,
    kind                text not null check (kind in ('ratio', 'change')),
    numerator_group     text not null references measure_offence_group (id),
    outcome_group       text references measure_outcome_group (id),
    denominator         text check (denominator in ('population', 'households', 'offences')),
    denominator_group   text references measure_offence_group (id),
    factor              numeric not null,
    unit                text not null,
    decimals            integer not null default 1,
    period_offset_years integer not null default 0,
    change_years        integer,
    ordinal             integer not null,
    introduced          date not null default current_date,
    primary key (id, version)
);

insert into measure_indicator (id, version, title, meaning, kind, numerator_group, outcome_group, denominator,
                               denominator_group, factor, unit, period_offset_years, change_years, ordinal) values
    ('recorded_crime_excl_fraud_per_1000', 1, 'Recorded crime (excluding fraud) per 1,000 population',
     'Notifiable offences recorded in the 12 months, excluding fraud, ÷ resident population (ONS mid-year estimate nearest before the period end) × 1,000.',
     'ratio', 'recorded_crime_excl_fraud', null, 'population', null, 1000, 'per 1,000 population', 0, null, 10),
    ('recorded_crime_excl_fraud_per_1000_previous_year', 1, 'Recorded crime (excluding fraud) per 1,000 population, the year before',
     'As recorded_crime_excl_fraud_per_1000, for the 12 months ending a year earlier.',
     'ratio', 'recorded_crime_excl_fraud', null, 'population', null, 1000, 'per 1,000 population', 1, null, 20),
    ('recorded_crime_excl_fraud_change_1y_pct', 1, 'Change in recorded crime (excluding fraud) on a year earlier',
     '(offences excluding fraud in the 12 months − offences in the 12 months ending a year earlier) ÷ offences a year earlier × 100.',
     'change', 'recorded_crime_excl_fraud', null, null, null, 100, '%', 0, 1, 30),
    ('recorded_crime_excl_fraud_change_5y_pct', 1, 'Change in recorded crime (excluding fraud) on five years earlier',
     '(offences excluding fraud in the 12 months − offences in the 12 months ending five years earlier) ÷ offences five years earlier × 100.',
     'change', 'recorded_crime_excl_fraud', null, null, null, 100, '%', 0, 5, 40),
    ('victim_based_crime_per_1000', 1, 'Victim-based crime per 1,000 population',
     'Victim-based offences recorded in the 12 months ÷ resident population × 1,000.',
     'ratio', 'victim_based_crime', null, 'population', null, 1000, 'per 1,000 population', 0, null, 50),
    ('sexual_offences_per_1000', 1, 'Sexual offences per 1,000 population',
     'Sexual offences recorded in the 12 months ÷ resident population × 1,000.',
     'ratio', 'sexual_offences', null, 'population', null, 1000, 'per 1,000 population', 0, null, 60),
    ('violence_with_injury_per_1000', 1, 'Violence with injury per 1,000 population',
     'Violence with injury (including homicide) recorded in the 12 months ÷ resident population × 1,000.',
     'ratio', 'violence_with_injury', null, 'population', null, 1000, 'per 1,000 population', 0, null, 70),
    ('burglary_dwelling_per_1000_households', 1, 'Burglary in a dwelling per 1,000 households',
     'Burglaries in a dwelling recorded in the 12 months ÷ households (the latest count held, summed from the finest level held) × 1,000.',
     'ratio', 'burglary_dwelling', null, 'households', null, 1000, 'per 1,000 households', 0, null, 80),
    ('asb_incidents_per_1000', 1, 'ASB incidents per 1,000 population',
     'Anti-social behaviour incidents in the 12 months ÷ resident population × 1,000.',
     'ratio', 'asb_incidents', null, 'population', null, 1000, 'per 1,000 population', 0, null, 90),
    ('asb_incidents_change_1y_pct', 1, 'Change in ASB incidents on a year earlier',
     '(ASB incidents in the 12 months − incidents in the 12 months ending a year earlier) ÷ incidents a year earlier × 100.',
     'change', 'asb_incidents', null, null, null, 100, '%', 0, 1, 100),
    ('charge_rate_pct', 1, 'Charge rate',
     'Offences (excluding fraud) recorded in the 12 months that were given a charged/summonsed outcome ÷ offences recorded in the 12 months × 100 (standards 1.4: outcomes assigned to offences recorded in the period).',
     'ratio', 'recorded_crime_excl_fraud', 'charged', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 110),
    ('outcome_out_of_court_formal_pct', 1, 'Out-of-court (formal) outcomes',
     'Offences recorded in the 12 months given a caution or penalty notice ÷ offences recorded × 100.',
     'ratio', 'recorded_crime_excl_fraud', 'out_of_court_formal', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 111),
    ('outcome_out_of_court_informal_pct', 1, 'Out-of-court (informal) outcomes',
     'Offences recorded in the 12 months given a drugs possession warning or local resolution ÷ offences recorded × 100.',
     'ratio', 'recorded_crime_excl_fraud', 'out_of_court_informal', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 112),
    ('outcome_not_in_public_interest_pct', 1, 'Prosecution prevented or not in the public interest',
     'Offences recorded in the 12 months closed as not in the public interest ÷ offences recorded × 100.',
     'ratio', 'recorded_crime_excl_fraud', 'not_in_public_interest', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 113),
    ('outcome_evidential_difficulties_pct', 1, 'Evidential difficulties',
     'Offences recorded in the 12 months closed for evidential difficulties ÷ offences recorded × 100.',
     'ratio', 'recorded_crime_excl_fraud', 'evidential_difficulties', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 114),
    ('outcome_no_suspect_pct', 1, 'Investigation complete – no suspect identified',
     'Offences recorded in the 12 months closed with no suspect identified ÷ offences recorded × 100.',
     'ratio', 'recorded_crime_excl_fraud', 'no_suspect', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 115),
    ('outcome_other_body_pct', 1, 'Action taken by another body',
     'Offences recorded in the 12 months passed to another body ÷ offences recorded × 100.',
     'ratio', 'recorded_crime_excl_fraud', 'other_body', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 116),
    ('outcome_not_yet_assigned_pct', 1, 'Not yet assigned an outcome',
     'Offences recorded in the 12 months with no outcome yet ÷ offences recorded × 100.',
     'ratio', 'recorded_crime_excl_fraud', 'not_yet_assigned', 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 117),
    ('domestic_abuse_pct', 1, 'Domestic abuse as a percentage of recorded crime',
     'Recorded crimes with the domestic abuse flag in the 12 months ÷ recorded crime excluding fraud × 100.',
     'ratio', 'domestic_abuse', null, 'offences', 'recorded_crime_excl_fraud', 100, '%', 0, null, 120),
    ('ocgs_per_million', 1, 'Organised crime groups per million population',
     'OCGs mapped on the count date ÷ resident population × 1,000,000.',
     'ratio', 'ocg', null, 'population', null, 1000000, 'per million population', 0, null, 130),
    ('calls_for_assistance_per_1000', 1, 'Calls for assistance per 1,000 population',
     'Calls for assistance in the 12 months ÷ resident population × 1,000.',
     'ratio', 'calls_for_assistance', null, 'population', null, 1000, 'per 1,000 population', 0, null, 140),
    ('victim_satisfaction_pct', 1, 'Victim satisfaction with the whole experience',
     'Victims surveyed who were satisfied with the whole experience ÷ victims surveyed × 100.',
     'ratio', 'victim_surveyed', null, 'offences', 'victim_surveyed', 100, '%', 0, null, 150);

-- Named groups of forces. England and Wales is the 43 territorial forces: never British Transport Police.
create table measure_force_group (
    name       text not null,
    force_code text not null references opendata_force (code),
    primary key (name, force_code)
);

insert into measure_force_group (name, force_code)
select 'England and Wales', code from opendata_force where territorial;

-- police.uk months loaded, per force, with the rows that had no location: coverage without scanning the facts.
create table opendata_police_uk_month (
    file_id      bigint not null references opendata_file (id) on delete cascade,
    force_code   text not null,
    month        date not null,
    kind         text not null check (kind in ('street', 'outcomes')),
    rows         bigint not null,
    unlocated    bigint not null,
    primary key (file_id, force_code, month)
);

-- police.uk facts pre-aggregated, each crime with its latest outcome (from the outcomes files, else the street
-- file's last outcome): by LSOA for areas, and by force alone for forces and groups, which is what keeps a Force in
-- numbers for England and Wales to a few milliseconds. 'peel import police-uk' refreshes both after loading.
create materialized view measure_police_uk_area as
select c.force_code, c.borough_code, c.ward_code, c.lsoa_code, c.month, c.crime_type,
       coalesce(o.outcome_type, c.last_outcome, '') as outcome, count(*)::bigint as n
from opendata_police_uk_crime c
left join (select distinct on (crime_id) crime_id, outcome_type from opendata_police_uk_outcome
           order by crime_id, month desc, line desc) o on o.crime_id = c.crime_id
group by 1, 2, 3, 4, 5, 6, 7;
create index measure_police_uk_area_force on measure_police_uk_area (force_code, month);
create index measure_police_uk_area_borough on measure_police_uk_area (borough_code, month);
create index measure_police_uk_area_ward on measure_police_uk_area (ward_code, month);
create index measure_police_uk_area_lsoa on measure_police_uk_area (lsoa_code, month);

create materialized view measure_police_uk_force as
select force_code, month, crime_type, outcome, sum(n)::bigint as n
from measure_police_uk_area
group by 1, 2, 3, 4;
create index measure_police_uk_force_force on measure_police_uk_force (force_code, month);

-- Every fact: a count of offences (or incidents) of a source's category, in a place, over a span of months.
-- grain says which questions a row answers: 'force' rows only totals for forces, 'area' rows only areas within a
-- force, 'both' rows either (the Home Office table is by force; the London file's boroughs add up to the Met).
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
from opendata_london_borough_crime l;

-- Which spans each source holds for each force: the base of every completeness note.
create view measure_coverage as
select distinct 'home-office-prc'::text as source, force_code, year_to as span_to, 0::bigint as unlocated
from opendata_prc where force_code is not null
union all
select 'police-uk', force_code, month, sum(unlocated)::bigint
from opendata_police_uk_month where kind = 'street' group by force_code, month
union all
select distinct 'london-borough-crime', 'E23000001', month, 0::bigint from opendata_london_borough_crime;
