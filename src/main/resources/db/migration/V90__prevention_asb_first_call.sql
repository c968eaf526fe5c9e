-- What a call handler records about an ASB incident beyond its category and place, and the risk assessment made
-- at the first call. Synthetic incidents leave these columns empty: they were never taken as calls.
alter table asb_incident
    add column description     text,
    add column channel         text check (channel in ('999', '101', 'online', 'in-person', 'partner')),
    add column location_text   text,
    add column victim_targeted boolean,
    add column recorded_by     text;

-- Earlier incidents near a point are found by a latitude range first, then by distance.
create index asb_incident_latitude on asb_incident (latitude);

-- Incident numbers for calls taken in Peel; synthetic and imported incidents keep their own ids.
create sequence asb_incident_number;

-- One assessment per incident: the answers as given, the grade, every reason, the rule versions and the local
-- thresholds in force, so a grade can be explained long after the settings change.
create table asb_assessment (
    asb_incident_id  text primary key references asb_incident (id),
    victim_record_id text        not null references person_record (id),
    answers          jsonb       not null,
    grade            text        not null check (grade in ('standard', 'medium', 'high')),
    score            int         not null,
    reasons          jsonb       not null,
    rule_version     text        not null,
    repeat_victim    boolean     not null,
    case_review_met  boolean     not null,
    settings         jsonb       not null,
    assessed_at      timestamptz not null default now(),
    assessed_by      text        not null
);
create trigger asb_assessment_versions before update on asb_assessment
    for each row execute function keep_previous_version('asb_incident_id');
create trigger asb_assessment_no_delete before delete on asb_assessment
    for each row execute function forbid_delete();

-- A victim brought to the ward's neighbourhood team: high risk, or a repeat victim. Cleared, never deleted.
create table neighbourhood_flag (
    id               bigserial primary key,
    person_record_id text        not null references person_record (id),
    asb_incident_id  text        not null references asb_incident (id),
    borough_code     text        not null references borough (code),
    ward_code        text,
    reason           text        not null check (reason in ('high-risk', 'repeat-victim')),
    detail           text        not null,
    created_at       timestamptz not null default now(),
    cleared_at       timestamptz,
    cleared_by       text,
    cleared_because  text
);
create index neighbourhood_flag_open on neighbourhood_flag (borough_code, created_at) where cleared_at is null;
create trigger neighbourhood_flag_versions before update on neighbourhood_flag
    for each row execute function keep_previous_version('id');
create trigger neighbourhood_flag_no_delete before delete on neighbourhood_flag
    for each row execute function forbid_delete();
