-- The audit trail's seals move to their own insert-only table, so an entry is written once and never changed.
--
-- Until now the sealer filled in seq, prev_hash and hash on the entry itself: an UPDATE that rewrote the whole row
-- and every one of its indexes, for every audited change, on the busiest table Peel has. Now an audit entry is
-- immutable from the moment it is inserted (with the change it records), and the sealer inserts one narrow row
-- per entry into audit_seal, giving it its gapless number and its keyed chain hash.
--
-- The sealer finds unsealed entries without an index of its own: each entry carries the id of the transaction that
-- wrote it (txid), and the head keeps a watermark (sealed_below) under which every transaction has finished and
-- every entry it wrote is sealed. A pass looks only at entries at or above the watermark.
--
-- Privileges the application's database role needs (the migration owner keeps the rest):
--   audit_event: select, insert;  audit_seal: select, insert;  audit_head: select, update
-- and none of delete, truncate or trigger on any of them.

create table audit_seal (
    seq       bigint primary key,
    event_id  bigint not null unique,
    prev_hash text   not null,
    hash      text   not null
);

-- (no foreign key to audit_event: its check would lock, and so write to, the entry being sealed; verify finds a seal
-- whose entry is gone)

-- the chain as sealed so far, legacy entries included, keeps its numbers and hashes
insert into audit_seal (seq, event_id, prev_hash, hash)
select seq, id, prev_hash, hash from audit_event where seq is not null;

-- every row already here gets this migration's transaction id, at or above the first watermark (0), so entries
-- left unsealed by the old sealer are sealed by the new one
alter table audit_event add column txid xid8 not null default pg_current_xact_id();
create index audit_event_txid on audit_event (txid);
alter table audit_head add column sealed_below xid8 not null default '0';

-- seq, prev_hash and hash on the entry now belong to the past: only entries sealed before this migration have them
drop index audit_event_unsealed;
alter table audit_event drop constraint audit_event_seq_unique;
create unique index audit_event_sealed_before_v190 on audit_event (seq) where seq is not null;

-- an entry never changes now, not even once
create or replace function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only' using errcode = 'P0001';
end $$;

create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_is_append_only();
create trigger audit_seal_no_truncate before truncate on audit_seal
    for each statement execute function audit_refuse_truncate();
