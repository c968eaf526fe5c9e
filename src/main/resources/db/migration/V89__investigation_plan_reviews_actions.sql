-- A crime's investigation plan: each change is a new version; a version is never changed once written.
create table investigation_plan (
    crime_id          text      not null references crime (id),
    version           integer   not null check (version >= 1),
    lines_of_enquiry  text      not null,
    hypotheses        text      not null default '',
    written_by        text      not null,
    written_at        timestamp not null,
    primary key (crime_id, version)
);
create trigger investigation_plan_versions before update on investigation_plan
    for each row execute function keep_previous_version('crime_id');
create trigger investigation_plan_no_delete before delete on investigation_plan
    for each row execute function forbid_delete();

-- A supervisor's review of an investigation, with their direction and when the next review falls due.
create table supervisory_review (
    id               bigint generated always as identity primary key,
    crime_id         text      not null references crime (id),
    reviewed_by      text      not null,
    reviewed_at      timestamp not null,
    note             text      not null,
    direction        text      not null default '',
    next_review_due  date      not null
);
create index supervisory_review_crime on supervisory_review (crime_id, reviewed_at);
create trigger supervisory_review_versions before update on supervisory_review
    for each row execute function keep_previous_version('id');
create trigger supervisory_review_no_delete before delete on supervisory_review
    for each row execute function forbid_delete();

-- An action on a crime for a named officer, due by a date; completing it records who, when and what came of it.
create table investigation_action (
    id               bigint generated always as identity primary key,
    crime_id         text      not null references crime (id),
    description      text      not null,
    owner_username   text      not null,
    due_date         date      not null,
    created_by       text      not null,
    created_at       timestamp not null,
    completed_at     timestamp,
    completed_by     text,
    completion_note  text
);
create index investigation_action_crime on investigation_action (crime_id, due_date);
create trigger investigation_action_versions before update on investigation_action
    for each row execute function keep_previous_version('id');
create trigger investigation_action_no_delete before delete on investigation_action
    for each row execute function forbid_delete();
