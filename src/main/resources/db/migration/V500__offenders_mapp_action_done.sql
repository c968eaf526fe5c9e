-- A MAPP meeting's action is marked done by its agency: the day it was done, a note of what was done, and who marked
-- it and when. Open until then; an open action past its due date is overdue. The previous version is kept by the
-- versions trigger (V440).
alter table mappa_meeting_action
    add column done_on   date,
    add column done_note text,
    add column done_by   text,
    add column done_at   timestamptz,
    add constraint mappa_meeting_action_done_whole
        check ((done_on is null and done_note is null and done_by is null and done_at is null)
            or (done_on is not null and length(trim(done_note)) > 0 and done_by is not null and done_at is not null));
-- the overdue open actions a home page counts
create index mappa_meeting_action_open on mappa_meeting_action (due_on) where done_on is null;
