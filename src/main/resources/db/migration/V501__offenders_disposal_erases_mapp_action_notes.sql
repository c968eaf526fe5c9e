-- Disposal of an offender record (V462, V467) also erases the notes its MAPP meetings' actions were marked done with
-- (V500). The function is restated in full: everything else it erases is as V467 left it.

create or replace function offenders_offender_disposal_published(p_offender_id text) returns int
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    n int := 0;
    k int;
    erased constant text := 'erased at disposal';
begin
    if partners_retention_held_published('offender', p_offender_id) then
        raise exception 'offender % is on hold and cannot be disposed of', p_offender_id using errcode = 'P0003';
    end if;
    if not exists (select 1 from offender where id = p_offender_id) then
        raise exception 'there is no offender %', p_offender_id using errcode = 'P0002';
    end if;
    update offender_address set address = erased, postcode = '' where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    update iom_case set plan = null where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    update iom_contact set outcome = erased where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    update iom_task set details = erased, result = case when result is null then null else erased end
    where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    update iom_cohort_exception set reason = erased where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    update mappa_case set plan = erased where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    update mappa_meeting set chair = erased, outcome = erased where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    update mappa_meeting_action set action = erased, owner = erased,
        done_note = case when done_note is null then null else erased end
    where meeting_id in (select id from mappa_meeting where offender_id = p_offender_id);
    get diagnostics k = row_count; n := n + k;
    update potentially_dangerous_person set subject = erased, reason = erased, evidence = erased
    where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    update diversion_referral set reason = erased, outcome_notes = null where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    delete from record_history where (table_name in ('offender', 'iom_case', 'mappa_case')
                                      and record_id = p_offender_id)
        or (table_name = 'mappa_meeting'
            and record_id in (select id::text from mappa_meeting where offender_id = p_offender_id))
        or (table_name = 'mappa_meeting_action'
            and record_id in (select a.id::text from mappa_meeting_action a
                              join mappa_meeting m on m.id = a.meeting_id where m.offender_id = p_offender_id))
        or (table_name = 'iom_task'
            and record_id in (select id::text from iom_task where offender_id = p_offender_id))
        or (table_name = 'iom_cohort_exception'
            and record_id in (select id::text from iom_cohort_exception where offender_id = p_offender_id))
        or (table_name = 'potentially_dangerous_person'
            and record_id in (select id::text from potentially_dangerous_person where offender_id = p_offender_id))
        or (table_name = 'diversion_referral'
            and record_id in (select id::text from diversion_referral where offender_id = p_offender_id));
    return n + people_person_record_disposal_published('offender', p_offender_id);
end $$;

revoke execute on function offenders_offender_disposal_published(text) from public;
