-- The audit trail, keyed and sealed afterwards (issue #11).
--
-- An audited transaction now only inserts its entry, with seq, prev_hash and hash still NULL, so audited
-- requests no longer queue behind one row lock. The sealer (AuditTrail.seal) later takes committed
-- unsealed entries in insertion order, under a short advisory lock, and gives each the next gapless seq and
-- an HMAC-SHA256 chain hash whose key is held outside the database. Entries written before this migration
-- keep their unkeyed SHA-256 hashes (hash_version 1) and stay verifiable as the trail's legacy prefix.
--
-- Privileges the application's database role needs on these tables (the migration owner keeps the rest):
--   audit_event: select, insert; update (seq, prev_hash, hash) only (id is an identity column: no sequence grant)
--   audit_head:  select, update (seq, hash, mac)
-- and none of delete, truncate or trigger.

alter table audit_event drop constraint audit_event_pkey;
alter table audit_event add column id bigint generated always as identity;
alter table audit_event add primary key (id);
alter table audit_event alter column seq drop not null;
alter table audit_event add constraint audit_event_seq_unique unique (seq);
alter table audit_event alter column prev_hash drop not null;
alter table audit_event alter column hash drop not null;
-- 1: unkeyed SHA-256 over fields joined by U+001F (before this migration); 2: HMAC-SHA256 over
-- length-prefixed fields with a distinct marker for NULL
alter table audit_event add column hash_version smallint not null default 1;
alter table audit_event alter column hash_version set default 2;
alter table audit_event add constraint audit_event_sealed_whole
    check ((seq is null) = (hash is null) and (seq is null) = (prev_hash is null));
-- the sealer always seals with the current version, so nothing new can claim to be legacy
alter table audit_event add constraint audit_event_new_is_keyed check (seq is not null or hash_version = 2);
create index audit_event_unsealed on audit_event (id) where seq is null;

-- The head is written only by the sealer; legacy_entries is how many unkeyed entries begin the trail, and
-- mac is the keyed signature over (seq, hash, legacy_entries), so the head cannot be rewound by SQL alone.
alter table audit_head add column legacy_entries bigint not null default 0;
alter table audit_head add column mac text;
update audit_head set legacy_entries = seq;

-- An entry may change once, when the sealer fills in seq, prev_hash and hash; nothing else may change, and
-- nothing may be deleted.
create or replace function audit_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
            and old.seq is null and old.prev_hash is null and old.hash is null
            and new.seq is not null and new.prev_hash is not null and new.hash is not null
            and to_jsonb(new) - 'seq' - 'prev_hash' - 'hash' = to_jsonb(old) - 'seq' - 'prev_hash' - 'hash' then
        return new;
    end if;
    raise exception 'the audit trail is append-only' using errcode = 'P0001';
end $$;

create function audit_refuse_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % cannot be truncated', tg_table_name using errcode = 'P0001';
end $$;
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_truncate();
create trigger audit_head_no_truncate before truncate on audit_head
    for each statement execute function audit_refuse_truncate();

create function audit_head_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: its head cannot be deleted' using errcode = 'P0001';
end $$;
create trigger audit_head_no_delete before delete on audit_head
    for each row execute function audit_head_is_kept();
