-- MAPPA cases held by the police side of the Responsible Authority: category and level 1 to 3, lead agency, risk of
-- serious harm, the risk management plan, the last visit and the next MAPP meeting.
create table mappa_case (
    offender_id     text primary key references offender (id),
    borough_code    text        not null references borough (code),
    category        int         not null check (category between 1 and 3),
    level           int         not null check (level between 1 and 3),
    lead_agency     text        not null check (lead_agency in ('POLICE', 'PROBATION', 'PRISON')),
    risk            text        not null check (risk in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')),
    plan            text        not null check (length(trim(plan)) > 0),
    registered_on   date        not null,
    last_visit_on   date,
    next_meeting_on date,
    updated_by      text        not null,
    updated_at      timestamptz not null
);
create trigger mappa_case_versions before update on mappa_case
    for each row execute function keep_previous_version('offender_id');
create trigger mappa_case_no_delete before delete on mappa_case
    for each row execute function forbid_delete();

-- Potentially dangerous persons: not convicted (so not necessarily an offender nominal), included for a reason, on
-- evidence, until a review date; past it the inclusion lapses unless renewed (a renewal is a new review date, the
-- earlier one kept as a previous version).
create table potentially_dangerous_person (
    id           bigserial primary key,
    borough_code text        not null references borough (code),
    subject      text        not null check (length(trim(subject)) > 0),
    offender_id  text references offender (id),
    reason       text        not null check (length(trim(reason)) > 0),
    evidence     text        not null check (length(trim(evidence)) > 0),
    review_on    date        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index potentially_dangerous_person_review on potentially_dangerous_person (review_on);
create trigger potentially_dangerous_person_versions before update on potentially_dangerous_person
    for each row execute function keep_previous_version('id');
create trigger potentially_dangerous_person_no_delete before delete on potentially_dangerous_person
    for each row execute function forbid_delete();
