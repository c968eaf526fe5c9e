-- Peel never hard-deletes in ordinary use, and a change keeps the previous version.
-- These two trigger functions give every capability's tables that behaviour in one line each.

create table record_history (
    id          bigserial primary key,
    table_name  text        not null,
    record_id   text        not null,
    previous    jsonb       not null,
    replaced_at timestamptz not null default now()
);
create index record_history_record on record_history (table_name, record_id, replaced_at);

create function keep_previous_version() returns trigger language plpgsql as $$
begin
    insert into record_history (table_name, record_id, previous)
    values (TG_TABLE_NAME, (to_jsonb(OLD) ->> TG_ARGV[0]), to_jsonb(OLD));
    return NEW;
end $$;

create function forbid_delete() returns trigger language plpgsql as $$
begin
    raise exception 'Peel does not delete % records; close or retire them instead', TG_TABLE_NAME
        using errcode = 'P0001';
end $$;
