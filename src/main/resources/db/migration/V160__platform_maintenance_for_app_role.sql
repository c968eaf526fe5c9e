-- The application runs as an unprivileged role (see org.peel.platform.AppRole) that owns no table. PostgreSQL
-- before 17 lets only a table's owner ANALYZE it or REFRESH a materialized view; these two functions run as the
-- owner and do only that, since both merely recompute what the data already says. EXECUTE is granted to the
-- application's role by Peel after each migration, and to no one else.

create function peel_analyze(variadic tables text[]) returns void
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    t text;
begin
    foreach t in array tables loop
        execute format('analyze public.%I', t);
    end loop;
end $$;

create function peel_refresh_police_uk_measures() returns void
    language plpgsql security definer set search_path = pg_catalog, public as $$
begin
    refresh materialized view public.measure_police_uk_area;
    refresh materialized view public.measure_police_uk_force;
end $$;

revoke execute on function peel_analyze(text[]) from public;
revoke execute on function peel_refresh_police_uk_measures() from public;
