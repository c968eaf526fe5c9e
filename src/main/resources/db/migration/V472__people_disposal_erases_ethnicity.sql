-- A disposed person record loses its ethnicity with its other personal fields: the people kernel's disposal, as
-- before, now also empties the self-defined and observed ethnicity recorded on it.
create or replace function people_person_record_disposal_published(p_source_type text, p_source_id text) returns int
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
                             postcode = null, phone = null, self_defined_ethnicity = null, observed_ethnicity = null
    where id = any (ids);
    get diagnostics k = row_count; n := n + k;
    delete from record_history where table_name = 'person_record' and record_id = any (ids);
    perform set_config('peel.disposal', '', true);
    return n;
end $$;
