-- A crime on a retention hold (legal proceedings, inquiry, complaint) is refused by investigation's disposal itself,
-- whoever calls it, as every capability's disposal now does; otherwise the disposal is as V380 made it.

create or replace function investigation_crime_disposal_published(p_crime_id text) returns int
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    n int := 0;
    k int;
    erased constant text := 'erased at disposal';
begin
    if partners_retention_held_published('crime', p_crime_id) then
        raise exception 'crime % is on hold and cannot be disposed of', p_crime_id using errcode = 'P0003';
    end if;
    update crime set latitude = null, longitude = null where id = p_crime_id;
    get diagnostics k = row_count;
    if k = 0 then
        raise exception 'there is no crime %', p_crime_id using errcode = 'P0002';
    end if;
    n := n + k;
    update crime_screening set review_note = null where crime_id = p_crime_id and review_note is not null;
    get diagnostics k = row_count; n := n + k;
    update victims_code_contact set note = null where crime_id = p_crime_id and note is not null;
    get diagnostics k = row_count; n := n + k;
    update supervisory_review set note = erased, direction = '' where crime_id = p_crime_id;
    get diagnostics k = row_count; n := n + k;
    update investigation_action set description = erased, completion_note = null where crime_id = p_crime_id;
    get diagnostics k = row_count; n := n + k;
    update investigation_plan set lines_of_enquiry = erased, hypotheses = '' where crime_id = p_crime_id;
    get diagnostics k = row_count; n := n + k;
    update forensic_request set item_description = erased, result_summary = null, cancel_reason = null
    where crime_id = p_crime_id;
    get diagnostics k = row_count; n := n + k;
    delete from record_history where (table_name in ('crime', 'crime_screening', 'investigation_plan')
                                      and record_id = p_crime_id)
        or (table_name = 'supervisory_review'
            and record_id in (select id::text from supervisory_review where crime_id = p_crime_id))
        or (table_name = 'investigation_action'
            and record_id in (select id::text from investigation_action where crime_id = p_crime_id))
        or (table_name = 'forensic_request'
            and record_id in (select id::text from forensic_request where crime_id = p_crime_id));
    return n + people_person_record_disposal_published('crime', p_crime_id);
end $$;
