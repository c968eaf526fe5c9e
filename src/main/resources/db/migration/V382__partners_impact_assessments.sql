-- The register of data-protection impact assessments (Data Protection Act 2018 s64): one per processing activity
-- that is likely to result in a high risk to people's rights, with the capability that does the processing, its
-- lawful basis, the risks and their mitigations, an owner and a review date. Capabilities link to an activity's
-- assessment through partners_dpia_published and the page /partners/dpia/for/{activity}, never this table.

create table dpia (
    id            text primary key,
    activity      text        not null unique check (activity ~ '^[a-z0-9-]+$'),
    title         text        not null,
    capability    text        not null check (capability in ('prevention', 'investigation', 'vulnerability',
                                                             'offenders', 'organisedcrime', 'partners', 'people',
                                                             'access', 'measure', 'inspection')),
    lawful_basis  text        not null check (length(trim(lawful_basis)) > 0),
    risks         text        not null check (length(trim(risks)) > 0),
    mitigations   text        not null check (length(trim(mitigations)) > 0),
    owner         text        not null,
    review_on     date        not null,
    status        text        not null check (status in ('draft', 'approved', 'under-review', 'retired')),
    updated_by    text        not null,
    updated_at    timestamptz not null default now()
);
create trigger dpia_versions before update on dpia
    for each row execute function keep_previous_version('id');
create trigger dpia_no_delete before delete on dpia
    for each row execute function forbid_delete();

-- Peel's own high-risk processing, each a draft for the force's data protection officer to complete and approve:
-- the register starts with what Peel does, not empty. Reviewed a year after it is created.
insert into dpia (id, activity, title, capability, lawful_basis, risks, mitigations, owner, review_on, status,
                  updated_by)
values
('DPIA-01', 'gangs-matrix', 'Gangs violence matrix', 'organisedcrime',
 'Data Protection Act 2018 s35 (law enforcement purposes); sensitive processing under s35(5) and schedule 8',
 'People listed on intelligence alone or as victims; scores kept after risk falls; shared with partners without an agreement; disproportionate listing of young black men',
 'Inclusion only on the scoring rule with reasons; victims kept apart from perpetrators; review every 90 days and removal; every share through the share gate under a named agreement; equality report against census population',
 'Data protection officer', current_date + 365, 'draft', 'migration'),
('DPIA-02', 'asb-risk-assessment', 'ASB first-call victim risk assessment', 'prevention',
 'Data Protection Act 2018 s35 (law enforcement purposes)',
 'Vulnerability answers about callers held longer than needed; risk grades differing by group',
 'Answers erased at MoPI disposal; grades only in published views; equality report of grades by sex and age',
 'Data protection officer', current_date + 365, 'draft', 'migration'),
('DPIA-03', 'iom-cohort', 'Integrated offender management cohort selection', 'offenders',
 'Data Protection Act 2018 s35 (law enforcement purposes); Offender Management Act 2007 s14',
 'Selection that repeats past policing patterns; cohort data shared with probation beyond need',
 'Selection by published rule with reasons; equality report of the cohort by sex and age; sharing with probation only under an agreement',
 'Data protection officer', current_date + 365, 'draft', 'migration'),
('DPIA-04', 'identity-resolution', 'Identity resolution across records', 'people',
 'Data Protection Act 2018 s35 (law enforcement purposes)',
 'Wrong merges attaching one person''s record to another; a profile built across capabilities',
 'Merges only above a measured threshold, doubtful pairs to a person; every merge undoable and audited; access by borough, sensitivity and purpose',
 'Data protection officer', current_date + 365, 'draft', 'migration'),
('DPIA-05', 'information-sharing', 'Sharing with partner organisations', 'partners',
 'Crime and Disorder Act 1998 s115; Data Protection Act 2018 part 3',
 'Sharing without an agreement or beyond its categories; partners keeping data longer than agreed',
 'Every share through the share gate: an active agreement, reduced to its categories, logged and audited; agreements lapse at review',
 'Data protection officer', current_date + 365, 'draft', 'migration'),
('DPIA-06', 'retention-and-disposal', 'MoPI review, retention and disposal', 'partners',
 'Data Protection Act 2018 s39 (storage limitation); Management of Police Information',
 'Records kept without review; disposal that leaves personal data in copies',
 'Review dates by MoPI group; disposal erases personal fields and earlier versions, leaving a tombstone; holds for proceedings',
 'Data protection officer', current_date + 365, 'draft', 'migration'),
('DPIA-07', 'domestic-abuse-risk', 'Domestic abuse risk assessment and MARAC referral', 'vulnerability',
 'Data Protection Act 2018 s35 (law enforcement purposes); sensitive processing under schedule 8',
 'Highly sensitive answers about victims; referral packs passed to many agencies',
 'Domestic abuse sensitivity in the access policy; purpose stated; shares to MARAC agencies only through the share gate',
 'Data protection officer', current_date + 365, 'draft', 'migration');

-- The published interface: which activity has which assessment, its status and review date. Never its text.
create view partners_dpia_published as
select activity, id as dpia_id, title, capability, status, review_on from dpia;

comment on view partners_dpia_published is
    'Published interface of the partners capability: each processing activity''s impact assessment (id, title, '
    'capability, status, review date). Read by capabilities to link the processing to its assessment. Read-only.';

create function partners_published_read_only() returns trigger language plpgsql as $$
begin
    raise exception '% is a published view of the partners capability and is read-only', tg_table_name;
end $$;
create trigger partners_dpia_published_read_only instead of insert or update or delete
    on partners_dpia_published for each row execute function partners_published_read_only();
