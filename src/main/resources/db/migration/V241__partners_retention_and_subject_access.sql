-- MoPI review, retention and disposal, kept by the partners capability over records it reads only through other
-- capabilities' published views: the reviews made (append-only), holds for legal proceedings and inquiries, and a
-- tombstone for each record disposed of. And subject access requests with their statutory deadline.

create table retention_review (
    id          bigserial primary key,
    record_type text        not null,
    record_id   text        not null,
    mopi_group  int         not null check (mopi_group between 1 and 3),
    decision    text        not null check (decision in ('retain', 'dispose')),
    reason      text        not null check (length(trim(reason)) > 0),
    reviewed_on date        not null,
    reviewed_by text        not null,
    created_at  timestamptz not null default now()
);
create index retention_review_record on retention_review (record_type, record_id, reviewed_on);

create function retention_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: a later review or a lifted hold is a new entry', tg_table_name
        using errcode = 'P0001';
end $$;
create trigger retention_review_no_change before update or delete on retention_review
    for each row execute function retention_append_only();

create table retention_hold (
    id          bigserial primary key,
    record_type text        not null,
    record_id   text        not null,
    kind        text        not null check (kind in ('legal-proceedings', 'inquiry', 'complaint', 'other')),
    reason      text        not null check (length(trim(reason)) > 0),
    placed_on   date        not null,
    placed_by   text        not null,
    lifted_on   date,
    lifted_by   text
);
create index retention_hold_record on retention_hold (record_type, record_id) where lifted_on is null;
create trigger retention_hold_versions before update on retention_hold
    for each row execute function keep_previous_version('id');
create trigger retention_hold_no_delete before delete on retention_hold
    for each row execute function forbid_delete();

-- What is kept of a record disposed of: its kind, id, group, when, by whom and why. Nothing about its people.
create table retention_tombstone (
    record_type text   not null,
    record_id   text   not null,
    mopi_group  int    not null check (mopi_group between 1 and 3),
    disposed_on date   not null,
    disposed_by text   not null,
    reason      text   not null,
    review_id   bigint not null references retention_review (id),
    primary key (record_type, record_id)
);
create trigger retention_tombstone_no_change before update or delete on retention_tombstone
    for each row execute function retention_append_only();

-- A subject access request (Data Protection Act 2018 s45): the person found, when it was received, its deadline
-- (one calendar month, configurable), what was sent and when. The requester's typed details are not kept.
create table subject_access_request (
    id            bigserial primary key,
    received_on   date        not null,
    due_on        date        not null,
    person_ref    text,
    matched_by    text        not null,
    records       int,
    exemptions    text[]      not null default '{}',
    completed_on  date,
    created_by    text        not null,
    created_at    timestamptz not null default now()
);
create trigger subject_access_request_versions before update on subject_access_request
    for each row execute function keep_previous_version('id');
create trigger subject_access_request_no_delete before delete on subject_access_request
    for each row execute function forbid_delete();
