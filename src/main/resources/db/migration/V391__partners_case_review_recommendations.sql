-- The ASB case review's meeting and recommendations: what the review meeting noted, and each recommendation with the
-- agency that owns it (null: the police), when it is due and when done. The annual figures a force publishes count
-- applications, thresholds met, reviews held and recommendations made from these.
alter table partner_case add column meeting_notes text;

create table partner_case_recommendation (
    id              bigserial primary key,
    case_id         text        not null references partner_case (id),
    recommendation  text        not null check (length(trim(recommendation)) > 0),
    owner_id        text references partner_organisation (id),
    due_on          date,
    done_on         date,
    created_by      text        not null,
    created_at      timestamptz not null default now()
);
create index partner_case_recommendation_case on partner_case_recommendation (case_id);
create trigger partner_case_recommendation_versions before update on partner_case_recommendation
    for each row execute function keep_previous_version('id');
create trigger partner_case_recommendation_no_delete before delete on partner_case_recommendation
    for each row execute function forbid_delete();
