-- Disposal after MoPI review erases the personal data of the record disposed of, in the same transaction as its
-- tombstone and audit entry. What is kept is what the law still requires: the record's existence, kind, offence
-- group, when and in which borough and ward it was recorded, its outcome (Home Office crime statistics are counts
-- of these), and the tombstone saying who disposed of it, when and why. Names, dates of birth, addresses, telephone
-- numbers, exact locations, free text written about the people, the links tying the record to a person, and every
-- earlier version of those rows in record_history are erased.
--
-- Each capability publishes its own disposal as a function (investigation_crime_disposal_published,
-- prevention_asb_incident_disposal_published, and the people kernel's people_person_record_disposal_published);
-- partners calls these and never names another capability's tables. They run as the schema's owner (security
-- definer) because the application's role may not delete record_history or person_link rows; EXECUTE on them is
-- granted to the application's role only.

alter table retention_tombstone add column decision text not null default 'dispose' check (decision = 'dispose');
alter table retention_tombstone add column rows_erased int not null default 0 check (rows_erased >= 0);
comment on table retention_tombstone is
    'What is kept of a disposed record: kind, id, MoPI group, date, decision, reviewer (disposed_by), reason, the '
    'review it came from and how many rows of personal data were erased. Never any personal data.';

-- Deleting is still refused everywhere, except by a disposal function while it runs (it sets peel.disposal for
-- itself, as the owner; the application's role holds no DELETE on these tables whatever the setting says).
create or replace function forbid_delete() returns trigger language plpgsql as $$
begin
    if current_setting('peel.disposal', true) = 'erase' then
        return OLD;
    end if;
    raise exception 'Peel does not delete % records; close or retire them instead', TG_TABLE_NAME
        using errcode = 'P0001';
end $$;

-- The people kernel: every person record made from one source record loses its personal fields, its links to a
-- person, any pair waiting for review that names it, and its earlier versions. Returns the rows erased.
create function people_person_record_disposal_published(p_source_type text, p_source_id text) returns int
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    n int := 0;
    k int;
    ids text[];
    seqs bigint[];
begin
    select coalesce(array_agg(id), '{}'), coalesce(array_agg(seq), '{}') into ids, seqs
    from person_record where source_type = p_source_type and source_id = p_source_id;
    if cardinality(ids) = 0 then
        return 0;
    end if;
    perform set_config('peel.disposal', 'erase', true);
    delete from record_history where table_name = 'person_link'
        and record_id in (select l.id::text from person_link l where l.person_record_id = any (seqs));
    delete from person_link where person_record_id = any (seqs);
    get diagnostics k = row_count; n := n + k;
    delete from review_pair where left_record_id = any (seqs) or right_record_id = any (seqs);
    update person_record set forenames = null, surname = null, date_of_birth = null, sex = null, address = null,
                             postcode = null, phone = null
    where id = any (ids);
    get diagnostics k = row_count; n := n + k;
    delete from record_history where table_name = 'person_record' and record_id = any (ids);
    perform set_config('peel.disposal', '', true);
    return n;
end $$;

-- Investigation: a crime keeps its offence group, dates, borough, ward, flags and outcome; loses its exact place,
-- the free text written in its investigation, and its people.
create function investigation_crime_disposal_published(p_crime_id text) returns int
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    n int := 0;
    k int;
    erased constant text := 'erased at disposal';
begin
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

-- Prevention: an ASB incident keeps its category, type, date, borough and ward; loses its exact place, the risk
-- assessment's answers and reasons about the victim (the grade stays, as a count), the neighbourhood flags'
-- detail, and its people.
create function prevention_asb_incident_disposal_published(p_incident_id text) returns int
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    n int := 0;
    k int;
begin
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

revoke execute on function people_person_record_disposal_published(text, text) from public;
revoke execute on function investigation_crime_disposal_published(text) from public;
revoke execute on function prevention_asb_incident_disposal_published(text) from public;
