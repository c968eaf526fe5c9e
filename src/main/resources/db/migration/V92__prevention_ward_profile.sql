-- The priorities a ward's neighbourhood team writes beside the facts Peel computes, and when they are next reviewed.
-- A rewrite keeps the previous version in record_history.
create table ward_profile (
    ward_code   text primary key references ward (code),
    priorities  text        not null,
    written_by  text        not null,
    written_at  timestamptz not null default now(),
    review_due  date        not null
);
create index ward_profile_review on ward_profile (review_due);
create trigger ward_profile_versions before update on ward_profile
    for each row execute function keep_previous_version('ward_code');
create trigger ward_profile_no_delete before delete on ward_profile
    for each row execute function forbid_delete();

create index asb_incident_ward_time on asb_incident (ward_code, reported_at);
