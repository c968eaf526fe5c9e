-- What was known when a generated crime was recorded, beyond the crime row: the facts screening and the Victims'
-- Code decide on. A crime recorded through Peel keeps these in its screening and entitlement rows; a generated one
-- has them here so that the same rules can run on it once it is loaded. Victim columns are null without a victim.
create table synthetic_crime_report (
    crime_id                     text primary key references crime (id),
    solvability_factors          text[]  not null,
    serious_offences             text[]  not null,
    victim_evidence_affected     boolean,
    victim_in_fear               boolean,
    victim_persistently_targeted boolean,
    victim_bereaved              boolean,
    victim_declines_referral     boolean,
    victim_personal_statement    text
);

-- A generated ASB victim's answers to the first-call risk questionnaire (names as in AsbQuestionnaire).
create table synthetic_asb_call (
    asb_incident_id text primary key references asb_incident (id),
    impact          text    not null,
    vulnerability   text[]  not null,
    targeted        boolean not null,
    duration        text    not null
);
