-- The Victims' Code service each victim of a crime is entitled to, decided at recording, with the reasons.
create table victims_code_entitlement (
    crime_id         text      not null references crime (id),
    person_record_id text      not null references person_record (id),
    service          text      not null check (service in ('ENHANCED', 'STANDARD', 'BUSINESS')),
    groups           text[]    not null,
    reasons          text      not null,
    rule_version     text      not null,
    decided_at       timestamp not null,
    primary key (crime_id, person_record_id)
);
create trigger victims_code_entitlement_no_delete before delete on victims_code_entitlement
    for each row execute function forbid_delete();

-- Each entitlement's deadline in working days; met_at is set when it is kept.
create table victims_code_deadline (
    id               bigserial primary key,
    crime_id         text      not null references crime (id),
    person_record_id text      references person_record (id),
    kind             text      not null,
    from_date        date      not null,
    working_days     int       not null,
    due_date         date      not null,
    basis            text      not null,
    rule_version     text      not null,
    met_at           timestamp,
    met_by           text
);
create index victims_code_deadline_crime on victims_code_deadline (crime_id);
create index victims_code_deadline_open on victims_code_deadline (due_date) where met_at is null;
create trigger victims_code_deadline_versions before update on victims_code_deadline
    for each row execute function keep_previous_version('id');
create trigger victims_code_deadline_no_delete before delete on victims_code_deadline
    for each row execute function forbid_delete();

-- Every contact with a victim: personal statement offered, declined or taken, referral, updates.
create table victims_code_contact (
    id               bigserial primary key,
    crime_id         text      not null references crime (id),
    person_record_id text      references person_record (id),
    at               timestamp not null,
    kind             text      not null,
    result           text,
    note             text,
    by_username      text      not null
);
create index victims_code_contact_crime on victims_code_contact (crime_id, at);
create trigger victims_code_contact_no_delete before delete on victims_code_contact
    for each row execute function forbid_delete();
