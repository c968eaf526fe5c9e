-- Crimes recorded through Peel take references from this sequence (CRP-...), apart from synthetic ones (CR...).
create sequence crime_reference_seq start 1;

-- Who recorded a crime, how (web form or API), and its Counting Rules class.
create table crime_recording (
    crime_id      text primary key references crime (id),
    recorded_by   text      not null,
    channel       text      not null check (channel in ('web', 'api')),
    counting_kind text      not null check (counting_kind in ('VICTIM_BASED', 'AGAINST_SOCIETY', 'FRAUD')),
    flags         text[]    not null default '{}'
);
create trigger crime_recording_no_delete before delete on crime_recording
    for each row execute function forbid_delete();

-- The screening decision made at recording, with its reasons and rule version. A screened-out crime stays on the
-- supervisor's review list until reviewed_at is set.
create table crime_screening (
    crime_id            text primary key references crime (id),
    rule_version        text      not null,
    screened_in         boolean   not null,
    priority            text check (priority in ('HIGH', 'MEDIUM', 'ROUTINE')),
    pip_level           int check (pip_level between 1 and 4),
    specialism          text,
    harm                int       not null,
    solvability         int       not null,
    solvability_factors text[]    not null,
    serious_offences    text[]    not null,
    victim_vulnerable   boolean   not null,
    out_reason          text,
    reasons             text      not null,
    screened_at         timestamp not null,
    reviewed_by         text,
    reviewed_at         timestamp,
    review_note         text,
    check (screened_in = (priority is not null))
);
create index crime_screening_review on crime_screening (screened_at) where not screened_in and reviewed_at is null;
create trigger crime_screening_versions before update on crime_screening
    for each row execute function keep_previous_version('crime_id');
create trigger crime_screening_no_delete before delete on crime_screening
    for each row execute function forbid_delete();

-- Whether an investigator is on duty; one without a row is taken to be on duty.
create table investigator_duty (
    investigator_id text primary key references investigator (id),
    on_duty         boolean   not null,
    changed_at      timestamp not null
);
create trigger investigator_duty_versions before update on investigator_duty
    for each row execute function keep_previous_version('investigator_id');

-- Every allocation of a crime to an investigator; the current one has no ended_at. A reallocation ends the old
-- row with its reason and adds a new one, so the history is never lost.
create table crime_allocation (
    id              bigserial primary key,
    crime_id        text      not null references crime (id),
    investigator_id text      not null references investigator (id),
    weight          int       not null check (weight > 0),
    allocated_at    timestamp not null,
    allocated_by    text      not null,
    rule_version    text      not null,
    reasons         text      not null,
    ended_at        timestamp,
    ended_reason    text
);
create unique index crime_allocation_current on crime_allocation (crime_id) where ended_at is null;
create index crime_allocation_caseload on crime_allocation (investigator_id) where ended_at is null;
create trigger crime_allocation_versions before update on crime_allocation
    for each row execute function keep_previous_version('id');
create trigger crime_allocation_no_delete before delete on crime_allocation
    for each row execute function forbid_delete();

-- Crimes nobody qualified to take, waiting for a supervisor, with the reason; left_at is set when allocated.
create table allocation_queue (
    crime_id     text primary key references crime (id),
    borough_code text      not null references borough (code),
    specialism   text      not null,
    pip_level    int       not null,
    priority     text      not null,
    reason       text      not null,
    queued_at    timestamp not null,
    left_at      timestamp,
    left_reason  text
);
create index allocation_queue_waiting on allocation_queue (borough_code, queued_at) where left_at is null;
create trigger allocation_queue_versions before update on allocation_queue
    for each row execute function keep_previous_version('crime_id');
create trigger allocation_queue_no_delete before delete on allocation_queue
    for each row execute function forbid_delete();
