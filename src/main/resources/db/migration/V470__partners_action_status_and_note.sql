-- An action on a multi-agency case carries its status and a note as well as its done date, so the agency that owns
-- it (a partner's own account, where the force allows it) can say where it stands without the police re-keying it.
-- Who last changed it is kept; the previous version is kept by the versions trigger.
alter table partner_case_action
    add column status     text not null default 'open'
        check (status in ('open', 'in-progress', 'completed', 'cannot-complete')),
    add column note       text,
    add column updated_by text,
    add column updated_at timestamptz;
update partner_case_action set status = 'completed' where done_on is not null;
