-- Inspection: what the force's assurance team and the inspectors record while judging the force against the PEEL
-- effectiveness framework. The framework itself (questions, sub-questions, grades) is data in the inspection
-- capability; these tables hold the judgements, areas for improvement, case-file samples and reviews, and notes of
-- interviews and focus groups, each for one force and the 12 months to one month (the inspection's period).
-- Nothing is deleted; a changed row keeps its previous version in record_history.

-- A graded judgement of one question (q1 … q4) or of the force overall. A later judgement of the same question
-- supersedes an earlier one, which stays as the history of how the judgement was reached.
create table inspection_judgement (
    id          text primary key,
    force_code  text not null,
    year_to     date not null,
    question    text not null check (question in ('overall', 'q1', 'q2', 'q3', 'q4')),
    grade       text not null check (grade in ('outstanding', 'good', 'requires_improvement', 'inadequate')),
    reasons     text not null,
    evidence    text not null,
    recorded_by text not null,
    recorded_at timestamptz not null
);
create index inspection_judgement_force on inspection_judgement (force_code, year_to, question, recorded_at desc);
create trigger inspection_judgement_versions before update on inspection_judgement
    for each row execute function keep_previous_version('id');
create trigger inspection_judgement_no_delete before delete on inspection_judgement
    for each row execute function forbid_delete();

-- An area for improvement, tracked until the next inspection: who owns it, what will be done by when, and the
-- evidence that closed it.
create table inspection_improvement (
    id               text primary key,
    force_code       text not null,
    year_to          date not null,
    question         text not null check (question in ('q1', 'q2', 'q3', 'q4')),
    area             text not null,
    action           text not null,
    owner            text not null,
    due_on           date not null,
    raised_by        text not null,
    raised_at        timestamptz not null,
    closing_evidence text,
    closed_by        text,
    closed_at        timestamptz,
    check ((closed_at is null) = (closing_evidence is null))
);
create index inspection_improvement_force on inspection_improvement (force_code, year_to, question);
create trigger inspection_improvement_versions before update on inspection_improvement
    for each row execute function keep_previous_version('id');
create trigger inspection_improvement_no_delete before delete on inspection_improvement
    for each row execute function forbid_delete();

-- A stratified random sample of crimes for case-file review, drawn from the seed given, so that anyone can draw it
-- again and get the same crimes.
create table inspection_case_sample (
    id          text primary key,
    force_code  text not null,
    year_to     date not null,
    seed        bigint not null,
    per_stratum integer not null check (per_stratum between 1 and 100),
    drawn_by    text not null,
    drawn_at    timestamptz not null
);
create trigger inspection_case_sample_no_delete before delete on inspection_case_sample
    for each row execute function forbid_delete();

create table inspection_case_sample_crime (
    sample_id text not null references inspection_case_sample (id),
    stratum   text not null,
    position  integer not null,
    crime_id  text not null,
    primary key (sample_id, crime_id)
);
create trigger inspection_case_sample_crime_no_delete before delete on inspection_case_sample_crime
    for each row execute function forbid_delete();

-- One review of a sampled crime's file on the structured template: each point answered yes, partly, no or not
-- applicable.
create table inspection_case_review (
    sample_id                text not null,
    crime_id                 text not null,
    vulnerability_identified text not null,
    opportunities_prompt     text not null,
    supervision              text not null,
    victim_contact           text not null,
    outcome_appropriate      text not null,
    notes                    text not null default '',
    reviewed_by              text not null,
    reviewed_at              timestamptz not null,
    primary key (sample_id, crime_id),
    foreign key (sample_id, crime_id) references inspection_case_sample_crime (sample_id, crime_id)
);
create trigger inspection_case_review_versions before update on inspection_case_review
    for each row execute function keep_previous_version('crime_id');
create trigger inspection_case_review_no_delete before delete on inspection_case_review
    for each row execute function forbid_delete();

-- Notes from interviews and focus groups, each tagged to the sub-question it speaks to (q1.1, q2.3 …).
create table inspection_note (
    id           text primary key,
    force_code   text not null,
    year_to      date not null,
    sub_question text not null,
    kind         text not null check (kind in ('interview', 'focus_group', 'reality_testing')),
    note         text not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
create trigger inspection_note_no_delete before delete on inspection_note
    for each row execute function forbid_delete();
