-- What the force wants front-line officers to look and listen for, per borough and (optionally) ward, and what they
-- submit: intelligence graded under the national scheme (3x5x2, or 5x5x5 for historic intelligence), linked to the
-- requirement it answers and to an organised crime group. Intelligence graded significant against a group is a
-- significant event for it (ocg_event), so the group is due for reassessment at once.
create table intelligence_requirement (
    id           bigserial primary key,
    borough_code text        not null references borough (code),
    ward_code    text,
    ocg_id       text references ocg (id),
    priority     text        not null check (length(trim(priority)) > 0),
    look_for     text        not null check (length(trim(look_for)) > 0),
    review_on    date        not null,
    status       text        not null default 'active' check (status in ('active', 'closed')),
    set_by       text        not null,
    set_at       timestamptz not null
);
create index intelligence_requirement_area on intelligence_requirement (borough_code, status);
create trigger intelligence_requirement_versions before update on intelligence_requirement
    for each row execute function keep_previous_version('id');
create trigger intelligence_requirement_no_delete before delete on intelligence_requirement
    for each row execute function forbid_delete();

create table intelligence_submission (
    id                  bigserial primary key,
    borough_code        text        not null references borough (code),
    ward_code           text,
    requirement_id      bigint references intelligence_requirement (id),
    ocg_id              text references ocg (id),
    scheme              text        not null check (scheme in ('3x5x2', '5x5x5')),
    source_grade        text        not null,
    intelligence_grade  text        not null,
    handling_code       text        not null,
    handling_conditions text,
    significant         boolean     not null default false,
    report              text        not null check (length(trim(report)) > 0),
    observed_on         date        not null,
    submitted_by        text        not null,
    submitted_at        timestamptz not null
);
create index intelligence_submission_ocg on intelligence_submission (ocg_id, submitted_at desc);
create index intelligence_submission_borough on intelligence_submission (borough_code, submitted_at desc);
create trigger intelligence_submission_no_delete before delete on intelligence_submission
    for each row execute function forbid_delete();
