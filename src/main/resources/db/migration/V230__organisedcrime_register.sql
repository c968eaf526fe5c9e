-- The OCG register: each group's facts as scored (activities with the predominant first, capability, violence,
-- reach), where it operates, who leads against it, whether it is active, and its current assessment. Members and
-- associates stay person records (source_type 'ocg', role principal, significant, peripheral or associate).
alter table ocg
    add column activities        text    not null default '',
    add column firearms          boolean not null default false,
    add column violence          text    not null default 'none'
        check (violence in ('none', 'threatened', 'used', 'serious')),
    add column corruption        boolean not null default false,
    add column money_laundering  boolean not null default false,
    add column specialist_skills boolean not null default false,
    add column reach             text    not null default 'local'
        check (reach in ('local', 'regional', 'national', 'international')),
    add column areas             text    not null default '',
    add column lead_officer      text,
    add column status            text    not null default 'active' check (status in ('active', 'archived')),
    add column archived_on       date,
    add column score             numeric(6, 2),
    add column model_version     text,
    add column last_assessed     date;
update ocg set activities = principal_activity where activities = '';
create index ocg_status on ocg (status, borough_code);

-- Every assessment ever made, never edited: the model, the facts it was given, the score, band and reasons.
create table ocg_assessment (
    id            bigserial primary key,
    ocg_id        text          not null references ocg (id),
    model_version text          not null,
    score         numeric(6, 2) not null,
    band          text          not null,
    contributions jsonb         not null,
    reasons       jsonb         not null,
    facts         jsonb         not null,
    assessed_on   date          not null,
    assessed_by   text          not null,
    recorded_at   timestamptz   not null
);
create index ocg_assessment_group on ocg_assessment (ocg_id, recorded_at desc);
create trigger ocg_assessment_no_delete before delete on ocg_assessment
    for each row execute function forbid_delete();

-- Disruptions under the 4P headings with their graded impact and results; the group's score and band when the
-- disruption was recorded are kept beside it, and the next assessment gives the score after.
create table ocg_disruption (
    id                 bigserial primary key,
    ocg_id             text          not null references ocg (id),
    heading            text          not null check (heading in ('pursue', 'prevent', 'protect', 'prepare')),
    impact             text          not null,
    occurred_on        date          not null,
    summary            text          not null,
    arrests            integer       not null default 0 check (arrests >= 0),
    principal_arrested boolean       not null default false,
    charges            integer       not null default 0 check (charges >= 0),
    principal_charged  boolean       not null default false,
    cash_seized        numeric(14, 2) not null default 0 check (cash_seized >= 0),
    drugs_seized       text,
    firearms_seized    integer       not null default 0 check (firearms_seized >= 0),
    scpos              integer       not null default 0 check (scpos >= 0),
    scpo_conditions    text,
    score_before       numeric(6, 2),
    band_before        text,
    recorded_by        text          not null,
    recorded_at        timestamptz   not null
);
create index ocg_disruption_group on ocg_disruption (ocg_id, occurred_on);
create index ocg_disruption_month on ocg_disruption (occurred_on);
create trigger ocg_disruption_versions before update on ocg_disruption
    for each row execute function keep_previous_version('id');
create trigger ocg_disruption_no_delete before delete on ocg_disruption
    for each row execute function forbid_delete();

-- Significant events that make a group due for reassessment at once.
create table ocg_event (
    id            bigserial primary key,
    ocg_id        text        not null references ocg (id),
    kind          text        not null check (kind in ('principal_arrested', 'principal_charged', 'major_disruption',
                                                        'firearms_seized', 'significant_intelligence')),
    occurred_on   date        not null,
    detail        text        not null,
    disruption_id bigint references ocg_disruption (id),
    recorded_by   text        not null,
    recorded_at   timestamptz not null
);
create index ocg_event_group on ocg_event (ocg_id, recorded_at desc);
create trigger ocg_event_no_delete before delete on ocg_event
    for each row execute function forbid_delete();

-- Published for measure: each group with the dates it was active, so "OCGs per million" at a date counts only
-- groups active then (mapped on or before it, not archived on or before it).
create view organisedcrime_ocg_published as
select id as ocg_id, borough_code, band, score, status, mapped_on as active_from, archived_on as active_to
from ocg;

-- Published for measure: disruptions by month and heading, with the results the inspection asked about.
create view organisedcrime_disruption_month_published as
select date_trunc('month', occurred_on)::date as month, heading, count(*) as disruptions,
       count(*) filter (where impact = 'major') as major, sum(arrests) as arrests, sum(charges) as charges,
       sum(cash_seized) as cash_seized, sum(firearms_seized) as firearms_seized, sum(scpos) as scpos
from ocg_disruption
group by 1, 2;
