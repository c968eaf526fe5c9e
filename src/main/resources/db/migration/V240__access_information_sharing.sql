-- Information sharing, kept by the access kernel so that every capability shares through one gate: partner
-- organisations, information-sharing agreements with them, the partner accounts tied to an organisation, and the
-- log of every share asked for, allowed or refused.

create table partner_organisation (
    id           text primary key,
    name         text        not null,
    kind         text        not null check (kind in ('council-asb', 'probation', 'social-care', 'health', 'housing',
                                                      'ambulance', 'other')),
    borough_code text,
    created_at   timestamptz not null default now(),
    created_by   text        not null
);
create trigger partner_organisation_versions before update on partner_organisation
    for each row execute function keep_previous_version('id');
create trigger partner_organisation_no_delete before delete on partner_organisation
    for each row execute function forbid_delete();

-- An agreement lapses on review_on unless renewed (a renewal moves review_on on; the previous version is kept).
create table sharing_agreement (
    id              text primary key,
    title           text        not null,
    purpose         text        not null check (length(trim(purpose)) > 0),
    lawful_basis    text        not null check (length(trim(lawful_basis)) > 0),
    data_categories text[]      not null,
    retention       text        not null,
    starts_on       date        not null,
    review_on       date        not null check (review_on > starts_on),
    owner           text        not null,
    withdrawn_on    date,
    renewed_on      date,
    created_at      timestamptz not null default now(),
    created_by      text        not null
);
create trigger sharing_agreement_versions before update on sharing_agreement
    for each row execute function keep_previous_version('id');
create trigger sharing_agreement_no_delete before delete on sharing_agreement
    for each row execute function forbid_delete();

create table sharing_agreement_party (
    agreement_id    text not null references sharing_agreement (id),
    organisation_id text not null references partner_organisation (id),
    primary key (agreement_id, organisation_id)
);
create trigger sharing_agreement_party_no_delete before delete on sharing_agreement_party
    for each row execute function forbid_delete();

create table partner_account (
    username        text primary key references app_user (username),
    organisation_id text        not null references partner_organisation (id),
    created_at      timestamptz not null default now(),
    created_by      text        not null
);
create trigger partner_account_versions before update on partner_account
    for each row execute function keep_previous_version('username');
create trigger partner_account_no_delete before delete on partner_account
    for each row execute function forbid_delete();

-- Every share asked for: recipient, agreement (null when none, or none by that id), purpose, records (type:id),
-- the categories passed on and withheld, and the decision with its reasons. Append-only.
create table share_log (
    id                  bigserial primary key,
    at                  timestamptz not null,
    username            text        not null,
    recipient_id        text,
    agreement_id        text references sharing_agreement (id),
    purpose             text,
    channel             text        not null,
    record_ids          text[]      not null,
    categories_shared   text[]      not null,
    categories_withheld text[]      not null,
    allowed             boolean     not null,
    reason              text        not null
);
create index share_log_agreement on share_log (agreement_id, at);
create index share_log_recipient on share_log (recipient_id, at);

create function share_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the share log is append-only' using errcode = 'P0001';
end $$;
create trigger share_log_no_change before update or delete on share_log
    for each row execute function share_log_append_only();
