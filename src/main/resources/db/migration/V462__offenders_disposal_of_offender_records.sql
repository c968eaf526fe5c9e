-- Disposal after MoPI review for an offender record, as the crimes' (V380): the offender keeps its borough, ward,
-- first offence, offence count and offending history (offence groups, dates, disposals), its IOM and MAPPA cases
-- their dates, category, level, risk and lead agency; its addresses, plans, contacts' outcomes, tasks' text,
-- diversion reasons and notes, cohort exceptions' reasons, potentially dangerous person entries, its people and
-- every earlier version are erased. A held record is refused.
--
-- And what MoPI review needs to know of offenders, published.

create function offenders_offender_disposal_published(p_offender_id text) returns int
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
    update potentially_dangerous_person set subject = erased, reason = erased, evidence = erased
    where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    update diversion_referral set reason = erased, outcome_notes = null where offender_id = p_offender_id;
    get diagnostics k = row_count; n := n + k;
    delete from record_history where (table_name in ('offender', 'iom_case', 'mappa_case')
                                      and record_id = p_offender_id)
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

create view offenders_retention_published as
select o.id as record_id, o.borough_code,
       greatest(o.first_offence_on,
                (select max(h.offence_on) from offending_history h where h.offender_id = o.id),
                (select coalesce(c.closed_on, c.opened_on) from iom_case c where c.offender_id = o.id),
                (select coalesce(m.last_visit_on, m.registered_on) from mappa_case m where m.offender_id = o.id))
           as last_active_on,
       exists (select 1 from mappa_case m where m.offender_id = o.id) as mappa,
       coalesce((select array_agg(distinct h.offence_group order by h.offence_group) from offending_history h
                 where h.offender_id = o.id), '{}') as offence_groups
from offender o;
comment on view offenders_retention_published is
    'Published interface of the offenders capability for MoPI review: each offender, its borough, the day it was '
    'last active (latest offence, IOM case closed or opened, MAPPA visit or registration), whether it is managed '
    'under MAPPA, and the offence groups of its history; never names. Read by partners. Read-only.';
