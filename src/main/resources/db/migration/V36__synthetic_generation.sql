-- Which synthetic generations this database holds. One row per generation; a second load of the
-- same (force, scale, seed, year_to) is refused, so records are never duplicated.
create table synthetic_generation (
    key          text primary key,
    force_name   text        not null,
    scale        numeric     not null,
    seed         bigint      not null,
    year_to      text        not null,
    counts       jsonb       not null,
    generated_at timestamptz not null default now()
);

-- The hidden ground truth: which true person each person record is, with that person's canonical details.
-- Only the synthetic package and its tests read it; no capability may, or identity resolution would be cheating.
create table synthetic_truth (
    person_record_id text primary key,
    true_person_id   text not null,
    forenames        text,
    surname          text,
    date_of_birth    date,
    sex              text,
    address          text,
    postcode         text,
    phone            text
);
create index synthetic_truth_person on synthetic_truth (true_person_id);
