-- Disposal after MoPI review for a gangs matrix nominal, as the crimes' (V380): the nominal keeps its gang, borough,
-- status, score, source count, ethnicity as recorded (the matrix's equality figures count it, with nobody behind
-- it once its person record is erased) and its dates; its scoring reasons, removal reason, the involvements' sources,
-- its people and every earlier version are erased. The log of shares made of it stays: it says what was shared
-- with whom, not about the person. A held record is refused.

create function organisedcrime_gang_nominal_disposal_published(p_nominal_id text) returns int
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    n int := 0;
    k int;
    erased constant text := 'erased at disposal';
begin
    if partners_retention_held_published('gang_nominal', p_nominal_id) then
        raise exception 'gang nominal % is on hold and cannot be disposed of', p_nominal_id using errcode = 'P0003';
    end if;
    update gang_nominal set reasons = '[]'::jsonb,
                            removal_reason = case when removal_reason is null then null else erased end
    where id = p_nominal_id;
    get diagnostics k = row_count;
    if k = 0 then
        raise exception 'there is no gang nominal %', p_nominal_id using errcode = 'P0002';
    end if;
    n := n + k;
    update gang_involvement set source = erased where nominal_id = p_nominal_id;
    get diagnostics k = row_count; n := n + k;
    delete from record_history where table_name = 'gang_nominal' and record_id = p_nominal_id;
    return n + people_person_record_disposal_published('gang', p_nominal_id);
end $$;

revoke execute on function organisedcrime_gang_nominal_disposal_published(text) from public;

create view organisedcrime_retention_published as
select n.id as record_id, n.borough_code,
       greatest((n.recorded_at at time zone 'Europe/London')::date, n.last_reviewed, n.removed_on,
                (select max(i.occurred_on) from gang_involvement i where i.nominal_id = n.id)) as last_active_on,
       n.status = 'included' as included
from gang_nominal n;
comment on view organisedcrime_retention_published is
    'Published interface of the organised crime capability for MoPI review: each gangs matrix nominal, its borough, '
    'the day it was last active (recorded, reviewed, removed, latest involvement) and whether it is on the matrix '
    'now; never names. Read by partners. Read-only.';
