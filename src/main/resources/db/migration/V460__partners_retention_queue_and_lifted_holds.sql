-- The MoPI review queue on the web: a decision to retain may set the next review date itself (no later than the
-- group's period allows), and a hold is lifted with its reason, kept beside who lifted it and when.
--
-- A published check whether a record stands on hold, for the capabilities' disposal functions: each refuses to erase
-- a held record whoever calls it, so the hold is kept by the database as well as by the review queue.

alter table retention_review add column next_review_on date;
alter table retention_review add constraint retention_review_next_after_review
    check (next_review_on is null or (decision = 'retain' and next_review_on > reviewed_on));

alter table retention_hold add column lift_reason text;
alter table retention_hold add constraint retention_hold_lifted_with_reason
    check (lifted_on is null or lift_reason is null or length(trim(lift_reason)) > 0);
create index retention_hold_standing on retention_hold (placed_on, id) where lifted_on is null;

create function partners_retention_held_published(p_record_type text, p_record_id text) returns boolean
    language sql stable security definer set search_path = pg_catalog, public as $$
    select exists (select 1 from retention_hold
                   where record_type = p_record_type and record_id = p_record_id and lifted_on is null)
$$;
comment on function partners_retention_held_published(text, text) is
    'Published by partners: whether a record stands on a retention hold (legal proceedings, inquiry, complaint). '
    'Called by each capability''s disposal function, which refuses a held record.';
