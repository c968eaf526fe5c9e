-- An ASB incident on a retention hold is refused by prevention's disposal itself, whoever calls it, as every
-- capability's disposal now does; otherwise the disposal is as V380 made it.

create or replace function prevention_asb_incident_disposal_published(p_incident_id text) returns int
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    n int := 0;
    k int;
begin
    if partners_retention_held_published('asb_incident', p_incident_id) then
        raise exception 'ASB incident % is on hold and cannot be disposed of', p_incident_id using errcode = 'P0003';
    end if;
    update asb_incident set latitude = null, longitude = null where id = p_incident_id;
    get diagnostics k = row_count;
    if k = 0 then
        raise exception 'there is no ASB incident %', p_incident_id using errcode = 'P0002';
    end if;
    n := n + k;
    update asb_assessment set answers = '{}'::jsonb, reasons = '[]'::jsonb where asb_incident_id = p_incident_id;
    get diagnostics k = row_count; n := n + k;
    update neighbourhood_flag set detail = 'erased at disposal', cleared_because = null
    where asb_incident_id = p_incident_id;
    get diagnostics k = row_count; n := n + k;
    delete from record_history where (table_name in ('asb_incident', 'asb_assessment') and record_id = p_incident_id)
        or (table_name = 'neighbourhood_flag'
            and record_id in (select id::text from neighbourhood_flag where asb_incident_id = p_incident_id));
    n := n + people_person_record_disposal_published('asb_incident', p_incident_id);
    return n + people_person_record_disposal_published('asb', p_incident_id);
end $$;
