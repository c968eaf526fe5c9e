-- A force's own screening and allocation settings, overriding Peel's defaults name by name, e.g.
-- 'harm.BICYCLE_THEFT' = '10', 'allocation.caseload_cap' = '30', 'allocation.central.FRAUD' = 'true'.
create table investigation_setting (
    name       text primary key,
    value      text        not null,
    changed_by text        not null,
    changed_at timestamptz not null default now()
);
create trigger investigation_setting_versions before update on investigation_setting
    for each row execute function keep_previous_version('name');

-- Teams that work force-wide (a central fraud or major investigation unit) rather than for their borough.
create table investigation_central_team (
    team_id text primary key references investigation_team (id)
);
