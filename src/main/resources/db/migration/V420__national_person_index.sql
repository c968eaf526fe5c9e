-- The national person index that 'peel national link' makes (national id → each force's record ids, and the links
-- that joined them, with their match explanations), loaded into a force's database by 'peel national load'. Each
-- load is recorded; rows carry the load that last wrote them, and the published views show only the newest load, so
-- a reload replaces the index without deleting anything, and loading the same index twice changes nothing (its
-- digest matches the newest load's).
create table national_index_load (
    id        bigserial primary key,
    loaded_at timestamptz not null default now(),
    source    text        not null,
    digest    text        not null,
    persons   integer     not null,
    links     integer     not null
);

create table national_person (
    force       text   not null,
    record_id   text   not null,
    national_id text   not null,
    load_id     bigint not null references national_index_load (id),
    primary key (force, record_id)
);
create index national_person_national_id on national_person (national_id);

create table national_person_link (
    left_force      text             not null,
    left_record_id  text             not null,
    right_force     text             not null,
    right_record_id text             not null,
    national_id     text             not null,
    weight          double precision not null,
    probability     double precision not null,
    explanation     text             not null,
    load_id         bigint           not null references national_index_load (id),
    primary key (left_force, left_record_id, right_force, right_record_id)
);

-- what a capability reads: the newest load's persons and links only
create view national_person_published as
select p.national_id, p.force, p.record_id
from national_person p
where p.load_id = (select max(id) from national_index_load);

create view national_person_link_published as
select l.national_id, l.left_force, l.left_record_id, l.right_force, l.right_record_id, l.weight, l.probability,
       l.explanation
from national_person_link l
where l.load_id = (select max(id) from national_index_load);
