-- Persons as resolved identities over person records. A person record (person_record, its own migration) holds
-- the details exactly as recorded and is never changed by resolution; which person it belongs to lives here, as
-- versioned links, each made by a decision (who, when, why) that can be undone.
-- person_record_id has no foreign key: person_record is created by its own migration, and linking must not
-- depend on its columns.

create table person (
    id         bigserial primary key,
    created_at timestamptz not null default now(),
    created_by text        not null
);
create trigger person_no_delete before delete on person
    for each row execute function forbid_delete();

create table link_decision (
    id         bigserial primary key,
    kind       text        not null check (kind in ('resolve', 'merge', 'unmerge')),
    decided_by text        not null,
    decided_at timestamptz not null default now(),
    reason     text        not null check (length(trim(reason)) > 0),
    undoes     bigint references link_decision (id),
    into_person bigint references person (id),
    from_person bigint references person (id),
    probability double precision
);
create index link_decision_undoes on link_decision (undoes);

create function link_decision_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'link decisions are append-only: undo one with a new decision' using errcode = 'P0001';
end $$;
create trigger link_decision_no_change before update or delete on link_decision
    for each row execute function link_decision_append_only();

-- One current link per record (ended_at null); ended links are the history of where the record has been.
create table person_link (
    id               bigserial primary key,
    person_record_id bigint      not null,
    person_id        bigint      not null references person (id),
    decision_id      bigint      not null references link_decision (id),
    started_at       timestamptz not null default now(),
    ended_at         timestamptz,
    ended_by         bigint references link_decision (id),
    check ((ended_at is null) = (ended_by is null))
);
create unique index person_link_current on person_link (person_record_id) where ended_at is null;
create index person_link_person on person_link (person_id) where ended_at is null;
create index person_link_decision on person_link (decision_id);
create index person_link_ended_by on person_link (ended_by);
create trigger person_link_no_delete before delete on person_link
    for each row execute function forbid_delete();

-- Pairs the engine was not sure of: between the review thresholds, for a person to decide.
create table review_pair (
    id               bigserial primary key,
    left_record_id   bigint           not null,
    right_record_id  bigint           not null,
    probability      double precision not null,
    explanation      jsonb            not null,
    status           text             not null default 'open' check (status in ('open', 'merged', 'kept-apart')),
    created_at       timestamptz      not null default now(),
    decided_by       text,
    decided_at       timestamptz,
    decision_id      bigint references link_decision (id),
    check (left_record_id < right_record_id),
    unique (left_record_id, right_record_id)
);
create index review_pair_open on review_pair (probability desc) where status = 'open';
