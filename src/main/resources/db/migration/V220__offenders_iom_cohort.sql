-- Integrated offender management (IOM): the offenders capability owns offender and offending_history (V33) and
-- these tables. Where an offender lives, to the ward, so that tasks go to that ward's neighbourhood team.
alter table offender add column ward_code text;

-- A borough's cohort capacity, set by the force's IOM lead; a borough without a row has the configured default.
create table iom_borough_capacity (
    borough_code text primary key references borough (code),
    capacity     int         not null check (capacity >= 0),
    set_by       text        not null,
    set_at       timestamptz not null
);
create trigger iom_borough_capacity_versions before update on iom_borough_capacity
    for each row execute function keep_previous_version('borough_code');
create trigger iom_borough_capacity_no_delete before delete on iom_borough_capacity
    for each row execute function forbid_delete();

-- One run of the force's cohort rule over resolved offending histories: which version of the rule, for which date.
create table iom_cohort_run (
    id               bigserial primary key,
    rule_version     text        not null,
    as_of            date        not null,
    run_at           timestamptz not null,
    run_by           text        not null,
    offenders_scored int         not null
);
create trigger iom_cohort_run_no_delete before delete on iom_cohort_run
    for each row execute function forbid_delete();

-- Each offender's score in a run. offender_id is the offender nominal standing for one resolved person (the earliest
-- of that person's nominals); offender_ids lists all of them. in_rule_cohort: chosen by the rule within capacity.
create table iom_cohort_score (
    run_id         bigint           not null references iom_cohort_run (id),
    offender_id    text             not null references offender (id),
    offender_ids   text[]           not null,
    borough_code   text             not null,
    score          double precision not null,
    reasons        text[]           not null,
    borough_rank   int              not null,
    in_rule_cohort boolean          not null,
    primary key (run_id, offender_id)
);
create index iom_cohort_score_borough on iom_cohort_score (run_id, borough_code, borough_rank);
create trigger iom_cohort_score_no_delete before delete on iom_cohort_score
    for each row execute function forbid_delete();

-- A borough's departure from the rule: adding an offender the rule did not choose, or removing one it did, always
-- with a reason, seen by the force's IOM lead. Withdrawn, never deleted.
create table iom_cohort_exception (
    id           bigserial primary key,
    borough_code text        not null references borough (code),
    offender_id  text        not null references offender (id),
    kind         text        not null check (kind in ('add', 'remove')),
    reason       text        not null check (length(trim(reason)) > 0),
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    withdrawn_by text,
    withdrawn_at timestamptz,
    check ((withdrawn_at is null) = (withdrawn_by is null))
);
create unique index iom_cohort_exception_live on iom_cohort_exception (borough_code, offender_id)
    where withdrawn_at is null;
create trigger iom_cohort_exception_versions before update on iom_cohort_exception
    for each row execute function keep_previous_version('id');
create trigger iom_cohort_exception_no_delete before delete on iom_cohort_exception
    for each row execute function forbid_delete();

-- Managing a cohort member: the lead officer, the deputy who covers when the lead is absent, the partner lead
-- (probation) and the plan.
create table iom_case (
    offender_id    text primary key references offender (id),
    borough_code   text        not null references borough (code),
    lead_officer   text        not null,
    deputy_officer text,
    partner_lead   text,
    plan           text,
    opened_on      date        not null,
    closed_on      date,
    updated_by     text        not null,
    updated_at     timestamptz not null
);
create trigger iom_case_versions before update on iom_case
    for each row execute function keep_previous_version('offender_id');
create trigger iom_case_no_delete before delete on iom_case
    for each row execute function forbid_delete();

-- An offender manager's absence (leave, sickness, course), from and to inclusive.
create table iom_officer_absence (
    id          bigserial primary key,
    officer     text        not null,
    starts_on   date        not null,
    ends_on     date        not null check (ends_on >= starts_on),
    reason      text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index iom_officer_absence_officer on iom_officer_absence (officer, starts_on);
create trigger iom_officer_absence_no_delete before delete on iom_officer_absence
    for each row execute function forbid_delete();

-- Contacts with a cohort member and their outcomes, drug tests among them.
create table iom_contact (
    id           bigserial primary key,
    offender_id  text        not null references offender (id),
    contact_on   date        not null,
    kind         text        not null check (kind in ('home-visit', 'office', 'phone', 'drug-test', 'partner')),
    outcome      text        not null,
    drug_test    text check (drug_test in ('negative', 'positive-opiates', 'positive-cocaine', 'positive-both', 'refused')),
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index iom_contact_offender on iom_contact (offender_id, contact_on);
create trigger iom_contact_no_delete before delete on iom_contact
    for each row execute function forbid_delete();

-- Tasks to the neighbourhood team of the ward where an offender lives.
create table iom_task (
    id           bigserial primary key,
    offender_id  text        not null references offender (id),
    borough_code text        not null references borough (code),
    ward_code    text        not null,
    kind         text        not null check (kind in ('check-address', 'gather-intelligence', 'visit')),
    details      text        not null check (length(trim(details)) > 0),
    due_on       date        not null,
    requested_by text        not null,
    requested_at timestamptz not null,
    completed_by text,
    completed_at timestamptz,
    result       text,
    check ((completed_at is null) = (completed_by is null)),
    check (completed_at is null or length(trim(coalesce(result, ''))) > 0)
);
create index iom_task_open on iom_task (borough_code, ward_code) where completed_at is null;
create trigger iom_task_versions before update on iom_task
    for each row execute function keep_previous_version('id');
create trigger iom_task_no_delete before delete on iom_task
    for each row execute function forbid_delete();
