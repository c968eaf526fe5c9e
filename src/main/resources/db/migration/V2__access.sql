create table app_user (
    id              bigserial primary key,
    username        text        not null unique,
    display_name    text        not null,
    role            text        not null,
    borough_code    text,
    password_hash   text,
    failed_attempts int         not null default 0,
    locked_until    timestamptz,
    disabled_at     timestamptz,
    created_at      timestamptz not null default now(),
    created_by      text        not null
);
create trigger app_user_versions before update on app_user
    for each row execute function keep_previous_version('id');
create trigger app_user_no_delete before delete on app_user
    for each row execute function forbid_delete();

create table user_session (
    id_hash        text primary key,
    user_id        bigint      not null references app_user (id),
    csrf_token     text        not null,
    created_at     timestamptz not null default now(),
    last_seen_at   timestamptz not null default now(),
    expires_at     timestamptz not null,
    ended_at       timestamptz,
    client_address text
);
create index user_session_user on user_session (user_id);

create table api_token (
    id           bigserial primary key,
    user_id      bigint      not null references app_user (id),
    token_hash   text        not null unique,
    label        text,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- The audit trail: append-only and hash-chained. seq is assigned under an advisory lock by the one writer
-- (AuditTrail), so it has no gaps; a missing number or a broken link means a row was removed or altered.
create table audit_event (
    seq            bigint primary key,
    at             timestamptz not null,
    user_id        bigint,
    username       text,
    role           text,
    action         text        not null,
    record_type    text,
    record_id      text,
    purpose        text,
    outcome        text        not null,
    client_address text,
    detail         text,
    prev_hash      text        not null,
    hash           text        not null
);
create index audit_event_user on audit_event (username, at);
create index audit_event_record on audit_event (record_type, record_id);
create index audit_event_at on audit_event (at);

create table audit_head (
    id   int primary key check (id = 1),
    seq  bigint not null,
    hash text   not null
);
insert into audit_head (id, seq, hash) values (1, 0, 'genesis');

create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only' using errcode = 'P0001';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_is_append_only();
