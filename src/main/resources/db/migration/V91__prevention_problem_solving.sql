-- Problem-solving cases worked through SARA: scan, analyse, respond, assess. A case is about a person, a place or a
-- ward problem; incidents are linked to it; actions for police and partners have owners and due dates.
create sequence problem_case_number;

create table problem_case (
    id                text primary key,
    title             text        not null,
    subject_type      text        not null check (subject_type in ('person', 'place', 'ward')),
    subject           text        not null,
    borough_code      text        not null references borough (code),
    ward_code         text,
    stage             text        not null check (stage in ('scan', 'analyse', 'respond', 'assess', 'closed')),
    scan_notes        text,
    analysis_notes    text,
    response_notes    text,
    assessment_notes  text,
    response_started  date,
    opened_at         timestamptz not null default now(),
    opened_by         text        not null
);
create index problem_case_borough on problem_case (borough_code, stage);
create trigger problem_case_versions before update on problem_case
    for each row execute function keep_previous_version('id');
create trigger problem_case_no_delete before delete on problem_case
    for each row execute function forbid_delete();

create table problem_case_incident (
    case_id         text        not null references problem_case (id),
    asb_incident_id text        not null references asb_incident (id),
    linked_at       timestamptz not null default now(),
    linked_by       text        not null,
    primary key (case_id, asb_incident_id)
);
create trigger problem_case_incident_no_delete before delete on problem_case_incident
    for each row execute function forbid_delete();

create table problem_case_action (
    id          bigserial primary key,
    case_id     text        not null references problem_case (id),
    description text        not null,
    agency      text        not null,
    owner       text        not null,
    due_date    date        not null,
    done_at     timestamptz,
    created_at  timestamptz not null default now(),
    created_by  text        not null
);
create index problem_case_action_case on problem_case_action (case_id);
create trigger problem_case_action_versions before update on problem_case_action
    for each row execute function keep_previous_version('id');
create trigger problem_case_action_no_delete before delete on problem_case_action
    for each row execute function forbid_delete();
