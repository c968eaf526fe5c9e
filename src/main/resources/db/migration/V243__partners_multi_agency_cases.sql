-- Multi-agency cases the partners capability keeps: ASB case reviews (community trigger), ASB MARAC and complex case
-- panels. Each is shared under one information-sharing agreement with the organisations working it; a partner sees
-- it only through the access kernel's share gate, reduced to the agreement's data categories. Actions per agency.
create table partner_case (
    id            text primary key,
    kind          text        not null check (kind in ('asb-case-review', 'asb-marac', 'complex-case-panel')),
    title         text        not null,
    borough_code  text        not null,
    ward_code     text,
    summary       text        not null,
    subject_name  text,
    subject_phone text,
    risk          text,
    agreement_id  text        not null references sharing_agreement (id),
    opened_on     date        not null,
    applied_on    date,
    threshold_met boolean,
    threshold_reason text,
    meeting_on    date,
    recommendations text,
    closed_on     date,
    created_by    text        not null,
    created_at    timestamptz not null default now()
);
create index partner_case_borough on partner_case (borough_code, opened_on);
create trigger partner_case_versions before update on partner_case
    for each row execute function keep_previous_version('id');
create trigger partner_case_no_delete before delete on partner_case
    for each row execute function forbid_delete();

create table partner_case_party (
    case_id         text not null references partner_case (id),
    organisation_id text not null references partner_organisation (id),
    primary key (case_id, organisation_id)
);
create trigger partner_case_party_no_delete before delete on partner_case_party
    for each row execute function forbid_delete();

-- Complaints counted towards an ASB case review's threshold, to whichever relevant body they were made.
create table partner_case_complaint (
    id           bigserial primary key,
    case_id      text not null references partner_case (id),
    behaviour_on date not null,
    complained_on date not null,
    made_to      text not null check (made_to in ('police', 'council', 'housing'))
);
create trigger partner_case_complaint_no_delete before delete on partner_case_complaint
    for each row execute function forbid_delete();

create table partner_case_action (
    id              bigserial primary key,
    case_id         text        not null references partner_case (id),
    organisation_id text,
    action          text        not null,
    due_on          date,
    done_on         date,
    created_by      text        not null,
    created_at      timestamptz not null default now()
);
create trigger partner_case_action_versions before update on partner_case_action
    for each row execute function keep_previous_version('id');
create trigger partner_case_action_no_delete before delete on partner_case_action
    for each row execute function forbid_delete();
