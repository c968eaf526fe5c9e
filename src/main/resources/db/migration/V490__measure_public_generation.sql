-- England and Wales's figures beside a force are made only from the published data and measure's definitions, so
-- they are the same for every report until one of those changes. Peel holds them between reports under the
-- generation below, which every change to the tables they are made from, and every refresh of the pre-aggregated
-- police.uk facts, moves on. Each value comes from a sequence, so it is never handed out twice: a change rolled back
-- (as the report benchmark's copies are) cannot be mistaken afterwards for one committed later. The generation moves
-- on in the changing transaction itself, so that transaction's own reports see it move too.
--
-- Not among the tables watched: opendata_police_uk_crime and opendata_police_uk_outcome, whose rows reach the
-- figures only through the refresh that moves the generation on, and opendata_file, whose rows matter only with the
-- population rows that are watched.
create sequence measure_public_generation_seq;

create table measure_public_generation (
    only_row   boolean primary key default true check (only_row),
    generation bigint not null
);

insert into measure_public_generation (generation) values (nextval('measure_public_generation_seq'));

comment on table measure_public_generation is
    'One row: the generation of the published data and measure''s definitions. It moves on with every change to '
    'them; figures Peel holds between reports are held under it and not used once it has moved.';

create function measure_public_data_changed() returns trigger
    language plpgsql as $$
begin
    update measure_public_generation set generation = nextval('measure_public_generation_seq');
    return null;
end $$;

create trigger opendata_prc_public_generation after insert or update or delete or truncate on opendata_prc
    for each statement execute function measure_public_data_changed();
create trigger opendata_police_uk_month_public_generation
    after insert or update or delete or truncate on opendata_police_uk_month
    for each statement execute function measure_public_data_changed();
create trigger opendata_london_borough_crime_public_generation
    after insert or update or delete or truncate on opendata_london_borough_crime
    for each statement execute function measure_public_data_changed();
create trigger opendata_population_public_generation
    after insert or update or delete or truncate on opendata_population
    for each statement execute function measure_public_data_changed();
create trigger opendata_force_public_generation after insert or update or delete or truncate on opendata_force
    for each statement execute function measure_public_data_changed();
create trigger measure_source_public_generation after insert or update or delete or truncate on measure_source
    for each statement execute function measure_public_data_changed();
create trigger measure_indicator_public_generation after insert or update or delete or truncate on measure_indicator
    for each statement execute function measure_public_data_changed();
create trigger measure_offence_group_public_generation
    after insert or update or delete or truncate on measure_offence_group
    for each statement execute function measure_public_data_changed();
create trigger measure_offence_category_public_generation
    after insert or update or delete or truncate on measure_offence_category
    for each statement execute function measure_public_data_changed();
create trigger measure_outcome_group_public_generation
    after insert or update or delete or truncate on measure_outcome_group
    for each statement execute function measure_public_data_changed();
create trigger measure_outcome_category_public_generation
    after insert or update or delete or truncate on measure_outcome_category
    for each statement execute function measure_public_data_changed();
create trigger measure_force_group_public_generation
    after insert or update or delete or truncate on measure_force_group
    for each statement execute function measure_public_data_changed();

-- As in V160, and moving the generation on: the refresh is what brings newly loaded police.uk rows into the facts.
create or replace function peel_refresh_police_uk_measures() returns void
    language plpgsql security definer set search_path = pg_catalog, public as $$
begin
    refresh materialized view public.measure_police_uk_area;
    refresh materialized view public.measure_police_uk_force;
    update public.measure_public_generation set generation = nextval('public.measure_public_generation_seq');
end $$;
