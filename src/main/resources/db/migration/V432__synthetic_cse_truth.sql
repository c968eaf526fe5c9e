-- The hidden ground truth of child sexual exploitation: of every child who went missing in a synthetic force's year,
-- whether they are truly at risk. As synthetic_truth, only the synthetic package and its tests read it; the demo is
-- handed the answer the way an assessor who knew the child would find it, never this table.
create table synthetic_cse_truth (
    true_person_id   text    primary key,
    missing_episodes integer not null,
    looked_after     boolean not null,
    age              integer not null,
    at_risk          boolean not null
);
