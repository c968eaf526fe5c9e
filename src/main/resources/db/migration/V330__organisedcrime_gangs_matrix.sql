-- The gangs matrix within the Information Commissioner's safeguards (enforcement notice on the Met's gangs matrix,
-- November 2018). Each person considered for the matrix is a person record (source_type 'gang', role 'gang nominal')
-- and a row here holding the current decision: included, not included (score 0 or not corroborated) or removed (score
-- fell to 0, or the review lapsed). Nothing is deleted: a removal keeps the row, off the matrix, with its date and
-- reason, so that it can be shown that the person is no longer on it.
create table gang_nominal (
    id              text primary key,
    gang_name       text        not null,
    ocg_id          text references ocg (id),
    borough_code    text        not null references borough (code),
    ethnicity       text        not null default 'Not stated'
        check (ethnicity in ('White', 'Mixed', 'Asian', 'Black', 'Other', 'Not stated')),
    status          text        not null default 'not included'
        check (status in ('included', 'not included', 'removed')),
    score           integer     not null default 0 check (score >= 0),
    sources         integer     not null default 0 check (sources >= 0),
    reasons         jsonb       not null default '[]',
    review_due      date        not null,
    last_reviewed   date        not null,
    removed_on      date,
    removal_reason  text,
    dpia_reference  text        not null,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    check ((status = 'removed') = (removed_on is not null))
);
create index gang_nominal_status on gang_nominal (status, borough_code);
create trigger gang_nominal_versions before update on gang_nominal
    for each row execute function keep_previous_version('id');
create trigger gang_nominal_no_delete before delete on gang_nominal
    for each row execute function forbid_delete();

-- What the person did or had done to them, each with its source. The role is kept apart: a victim's involvement is
-- recorded (it matters for safeguarding) but never scores.
create table gang_involvement (
    id           bigserial primary key,
    nominal_id   text        not null references gang_nominal (id),
    kind         text        not null,
    role         text        not null check (role in ('perpetrator', 'victim')),
    occurred_on  date        not null,
    source       text        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index gang_involvement_nominal on gang_involvement (nominal_id, occurred_on);
create trigger gang_involvement_no_delete before delete on gang_involvement
    for each row execute function forbid_delete();

-- The recipient log of gang data: every share asked for, to whom, under which agreement and why, allowed or refused
-- as the force's share gate decided (the gate keeps its own log and audit; this is the matrix's own view of it).
create table gang_share (
    id           bigserial primary key,
    nominal_id   text        not null references gang_nominal (id),
    recipient_id text        not null,
    agreement_id text,
    purpose      text        not null,
    allowed      boolean     not null,
    reason       text        not null,
    shared_by    text        not null,
    shared_at    timestamptz not null
);
create index gang_share_nominal on gang_share (nominal_id, shared_at desc);
create trigger gang_share_no_delete before delete on gang_share
    for each row execute function forbid_delete();
