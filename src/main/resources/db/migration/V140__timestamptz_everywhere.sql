-- Every moment Peel records is a point in time: timestamptz, never a bare wall-clock timestamp.
--
-- How the old values are read: Peel wrote these columns as java.time.LocalDateTime taken from a clock in the JVM's
-- default zone (LocalDateTime.now(clock)), and read them back the same way. The PostgreSQL JDBC driver opens every
-- session with TimeZone set to the JVM's default zone (the embedded server and an external one alike), and this
-- migration runs in such a session, from the same Peel. So each value is interpreted in the session's zone, which
-- is the zone the application meant: `col at time zone current_setting('TimeZone')`. (The synthetic generator's
-- COPY files carry UTC wall-clock times into the same sessions; under the UTC zone Peel's machines run in, that is
-- the same reading.)
--
-- Views that read these columns (today measure_fact and measure_coverage; any other found in the catalog) are
-- dropped and re-created with their definitions and grants exactly as they were. The two month indexes over
-- date_trunc(recorded_at / reported_at) cannot stay: date_trunc of a timestamptz depends on the session's zone and
-- cannot be indexed, so they become plain indexes on the moments themselves.

drop index if exists crime_recorded_month;
drop index if exists asb_incident_reported_month;

do $$
declare
    converted constant text[][] := array[
        ['allocation_queue', 'left_at'],
        ['allocation_queue', 'queued_at'],
        ['asb_incident', 'reported_at'],
        ['crime', 'committed_at'],
        ['crime', 'recorded_at'],
        ['crime_allocation', 'allocated_at'],
        ['crime_allocation', 'ended_at'],
        ['crime_screening', 'reviewed_at'],
        ['crime_screening', 'screened_at'],
        ['domestic_abuse_incident', 'reported_at'],
        ['forensic_request', 'cancelled_at'],
        ['forensic_request', 'completed_at'],
        ['forensic_request', 'requested_at'],
        ['forensic_request', 'started_at'],
        ['investigation_action', 'completed_at'],
        ['investigation_action', 'created_at'],
        ['investigation_plan', 'written_at'],
        ['investigator_account', 'linked_at'],
        ['investigator_duty', 'changed_at'],
        ['investigator_duty_rota', 'imported_at'],
        ['missing_episode', 'found_at'],
        ['missing_episode', 'reported_at'],
        ['person_record', 'recorded_at'],
        ['supervisory_review', 'reviewed_at'],
        ['victims_code_contact', 'at'],
        ['victims_code_deadline', 'met_at'],
        ['victims_code_entitlement', 'decided_at']];
    v record;
    g record;
    i int;
begin
    -- the views that depend on a converted column, and the views on top of those, nearest first
    create temporary table timestamptz_views on commit drop as
    with recursive cols as (
        select c.oid as rel, a.attnum
        from unnest(converted[1:array_length(converted, 1)][1:1], converted[1:array_length(converted, 1)][2:2])
                 as x(tbl, col)
        join pg_class c on c.relname = x.tbl and c.relnamespace = current_schema()::regnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = x.col
    ), tree as (
        select distinct r.ev_class as view, 1 as depth
        from pg_depend d
        join pg_rewrite r on r.oid = d.objid
        join cols on d.refobjid = cols.rel and d.refobjsubid = cols.attnum
        where d.classid = 'pg_rewrite'::regclass
        union all
        select r.ev_class, tree.depth + 1
        from pg_depend d
        join pg_rewrite r on r.oid = d.objid
        join tree on d.refobjid = tree.view
        where d.classid = 'pg_rewrite'::regclass and r.ev_class <> tree.view
    )
    select c.oid as view, c.relname as name, c.relkind as kind, max(tree.depth) as depth,
           pg_get_viewdef(c.oid) as definition, obj_description(c.oid, 'pg_class') as comment
    from tree join pg_class c on c.oid = tree.view
    group by c.oid, c.relname, c.relkind;

    create temporary table timestamptz_view_grants on commit drop as
    select tv.name, a.privilege_type, a.grantee, a.is_grantable
    from timestamptz_views tv
    join pg_class c on c.oid = tv.view
    cross join lateral aclexplode(c.relacl) a
    where a.grantee <> c.relowner;

    create temporary table timestamptz_view_indexes on commit drop as
    select pg_get_indexdef(x.indexrelid) as definition
    from timestamptz_views tv join pg_index x on x.indrelid = tv.view;

    for v in select * from timestamptz_views order by depth desc loop
        execute format(case when v.kind = 'm' then 'drop materialized view %I' else 'drop view %I' end, v.name);
    end loop;

    for i in 1 .. array_length(converted, 1) loop
        execute format('alter table %I alter column %I type timestamptz using %I at time zone current_setting(''TimeZone'')',
                       converted[i][1], converted[i][2], converted[i][2]);
    end loop;

    for v in select * from timestamptz_views order by depth loop
        execute format(case when v.kind = 'm' then 'create materialized view %I as %s' else 'create view %I as %s' end,
                       v.name, v.definition);
        if v.comment is not null then
            execute format('comment on %s %I is %L', case when v.kind = 'm' then 'materialized view' else 'view' end,
                           v.name, v.comment);
        end if;
    end loop;
    for g in select * from timestamptz_view_grants loop
        execute format('grant %s on %I to %s%s', g.privilege_type, g.name,
                       case when g.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(g.grantee)) end,
                       case when g.is_grantable then ' with grant option' else '' end);
    end loop;
    for g in select * from timestamptz_view_indexes loop
        execute g.definition;
    end loop;
end
$$;

create index if not exists crime_recorded_at on crime (recorded_at);
create index if not exists asb_incident_reported_at on asb_incident (reported_at);
