-- The user account an investigator signs in with, so Peel can show them their own caseload. One account per
-- investigator and one investigator per account; relinking keeps the previous row in record_history.
create table investigator_account (
    investigator_id text      primary key references investigator (id),
    username        text      not null unique references app_user (username),
    linked_at       timestamp not null,
    linked_by       text      not null
);
create trigger investigator_account_versions before update on investigator_account
    for each row execute function keep_previous_version('investigator_id');
create trigger investigator_account_no_delete before delete on investigator_account
    for each row execute function forbid_delete();

-- Crimes carried by an investigator without an allocation row (synthetic records) are found by this.
create index crime_investigator on crime (investigator_id) where investigator_id is not null;
