-- Disposal after MoPI review for a multi-agency case shared with partners (ASB case review, ASB MARAC, complex case
-- panel), as the crimes' (V380): the case keeps its kind, borough, ward, agreement, parties, complaints' dates,
-- threshold decision and dates (the published community trigger figures count them); its title, summary, subject's
-- name and telephone, risk, threshold reason, meeting notes, recommendations' and actions' text, its people and
-- every earlier version are erased. A held record is refused.

create function partners_partner_case_disposal_published(p_case_id text) returns int
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    n int := 0;
    k int;
    erased constant text := 'erased at disposal';
begin
    if partners_retention_held_published('partner_case', p_case_id) then
        raise exception 'multi-agency case % is on hold and cannot be disposed of', p_case_id using errcode = 'P0003';
    end if;
    update partner_case set title = 'Case ' || id || ' (disposed of)', summary = erased, subject_name = null,
                            subject_phone = null, risk = null, threshold_reason = null, recommendations = null,
                            meeting_notes = null
    where id = p_case_id;
    get diagnostics k = row_count;
    if k = 0 then
        raise exception 'there is no multi-agency case %', p_case_id using errcode = 'P0002';
    end if;
    n := n + k;
    update partner_case_action set action = erased where case_id = p_case_id;
    get diagnostics k = row_count; n := n + k;
    update partner_case_recommendation set recommendation = erased where case_id = p_case_id;
    get diagnostics k = row_count; n := n + k;
    delete from record_history where (table_name = 'partner_case' and record_id = p_case_id)
        or (table_name = 'partner_case_action'
            and record_id in (select id::text from partner_case_action where case_id = p_case_id))
        or (table_name = 'partner_case_recommendation'
            and record_id in (select id::text from partner_case_recommendation where case_id = p_case_id));
    return n + people_person_record_disposal_published('partner_case', p_case_id);
end $$;

revoke execute on function partners_partner_case_disposal_published(text) from public;
