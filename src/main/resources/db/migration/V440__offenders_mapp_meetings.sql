-- MAPP meetings held for a MAPPA case: when, at which level, who chaired, which agencies attended and which sent
-- apologies, the risk of serious harm as the meeting reviewed it, its outcome and decisions, and the next meeting.
-- Recording one updates the case's level, risk and next meeting date (the case keeps its previous version).
create table mappa_meeting (
    id              bigserial primary key,
    offender_id     text        not null references mappa_case (offender_id),
    held_on         date        not null,
    level           int         not null check (level between 1 and 3),
    chair           text        not null check (length(trim(chair)) > 0),
    attending       text[]      not null,
    apologies       text[]      not null,
    risk_reviewed   text        not null check (risk_reviewed in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')),
    outcome         text        not null check (length(trim(outcome)) > 0),
    next_meeting_on date,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    check (next_meeting_on is null or next_meeting_on > held_on),
    check (not (attending && apologies))
);
create index mappa_meeting_case on mappa_meeting (offender_id, held_on);
create trigger mappa_meeting_versions before update on mappa_meeting
    for each row execute function keep_previous_version('id');
create trigger mappa_meeting_no_delete before delete on mappa_meeting
    for each row execute function forbid_delete();

-- The actions a meeting set, each for one agency with its owner and the date it is due.
create table mappa_meeting_action (
    id         bigserial primary key,
    meeting_id bigint not null references mappa_meeting (id),
    agency     text   not null check (length(trim(agency)) > 0),
    action     text   not null check (length(trim(action)) > 0),
    owner      text   not null check (length(trim(owner)) > 0),
    due_on     date   not null
);
create index mappa_meeting_action_meeting on mappa_meeting_action (meeting_id);
create trigger mappa_meeting_action_versions before update on mappa_meeting_action
    for each row execute function keep_previous_version('id');
create trigger mappa_meeting_action_no_delete before delete on mappa_meeting_action
    for each row execute function forbid_delete();
