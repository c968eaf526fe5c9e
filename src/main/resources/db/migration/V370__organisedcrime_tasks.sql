-- Tasks from the group's lead responsible officer to a borough's neighbourhood team, or to one neighbourhood officer
-- there, against a group or one of its members: what to do, why, by when, and the result when done. The task shows on
-- the tasked officer's home page and on the group's page. A task is completed or withdrawn, never deleted; each change
-- keeps the previous version.
create table ocg_task (
    id               bigserial primary key,
    ocg_id           text        not null references ocg (id),
    member_record_id text,
    borough_code     text        not null references borough (code),
    officer          text,
    action           text        not null check (length(trim(action)) > 0),
    reason           text        not null check (length(trim(reason)) > 0),
    due_on           date        not null,
    status           text        not null default 'open' check (status in ('open', 'completed', 'withdrawn')),
    result           text,
    tasked_by        text        not null,
    tasked_at        timestamptz not null,
    closed_by        text,
    closed_at        timestamptz,
    check ((status = 'open') = (closed_at is null)),
    check ((closed_at is null) = (closed_by is null)),
    check (status <> 'completed' or length(trim(coalesce(result, ''))) > 0)
);
create index ocg_task_open on ocg_task (borough_code, officer) where status = 'open';
create index ocg_task_group on ocg_task (ocg_id, tasked_at desc);
create trigger ocg_task_versions before update on ocg_task
    for each row execute function keep_previous_version('id');
create trigger ocg_task_no_delete before delete on ocg_task
    for each row execute function forbid_delete();
