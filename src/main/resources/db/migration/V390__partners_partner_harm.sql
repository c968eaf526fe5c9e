-- Partner data that finds harm: bulk files a partner sends under an information-sharing agreement (ambulance
-- call-outs for assaults, emergency department assault attendances), each row placed in a ward and linked to the
-- police's recorded violence by place, time and person. A row's reference is the partner's own, so a file loaded
-- again adds nothing.
create table partner_harm_file (
    id              bigserial primary key,
    file_name       text        not null,
    source          text        not null check (source in ('ambulance', 'emergency-department')),
    organisation_id text        not null references partner_organisation (id),
    agreement_id    text        not null references sharing_agreement (id),
    rows_read       integer     not null,
    rows_added      integer     not null,
    imported_at     timestamptz not null,
    imported_by     text        not null
);
create trigger partner_harm_file_no_delete before delete on partner_harm_file
    for each row execute function forbid_delete();

create table partner_harm_incident (
    id              bigserial primary key,
    file_id         bigint           not null references partner_harm_file (id),
    organisation_id text             not null references partner_organisation (id),
    source          text             not null check (source in ('ambulance', 'emergency-department')),
    reference       text             not null,
    occurred_at     timestamptz      not null,
    postcode        text,
    latitude        double precision,
    longitude       double precision,
    ward_code       text references ward (code),
    borough_code    text,
    injury          text             not null,
    age             integer check (age between 0 and 120),
    sex             text check (sex in ('F', 'M')),
    unique (organisation_id, reference)
);
create index partner_harm_incident_time on partner_harm_incident (occurred_at);
create index partner_harm_incident_ward on partner_harm_incident (ward_code, occurred_at);
create trigger partner_harm_incident_versions before update on partner_harm_incident
    for each row execute function keep_previous_version('id');
create trigger partner_harm_incident_no_delete before delete on partner_harm_incident
    for each row execute function forbid_delete();

-- The last linkage of each partner incident to police records: the crime it matched (null when none, so likely
-- unreported), under which rule version, and why. Rebuilt whole by each linkage run.
create table partner_harm_link (
    incident_id  bigint      primary key references partner_harm_incident (id),
    crime_id     text,
    reported     boolean     not null,
    reason       text        not null,
    rule_version text        not null,
    linked_at    timestamptz not null
);
