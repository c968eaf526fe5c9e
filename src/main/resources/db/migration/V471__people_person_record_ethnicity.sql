-- Ethnicity on a person record, two ways as the police record it: as the person defines it (the 2021 Census's 19
-- categories, coded W1 British, W2 Irish, W3 Gypsy or Irish Traveller, W4 Roma, W9 other White; M1 White and Black
-- Caribbean, M2 White and Black African, M3 White and Asian, M9 other Mixed; A1 Indian, A2 Pakistani, A3
-- Bangladeshi, A4 Chinese, A9 other Asian; B1 Caribbean, B2 African, B9 other Black; O1 Arab, O9 any other; NS when
-- the person chose not to state it) and as the officer observed it (the five broad groups). Both empty until asked.
alter table person_record
    add column self_defined_ethnicity text check (self_defined_ethnicity in
        ('W1', 'W2', 'W3', 'W4', 'W9', 'M1', 'M2', 'M3', 'M9', 'A1', 'A2', 'A3', 'A4', 'A9', 'B1', 'B2', 'B9',
         'O1', 'O9', 'NS')),
    add column observed_ethnicity text check (observed_ethnicity in ('White', 'Mixed', 'Asian', 'Black', 'Other'));

-- People's published interface for ethnicity: each person record's self-defined category and its broad group, and
-- the officer-observed group, with the person the record resolves to. Equality reports count through this view.
create view people_person_ethnicity_published as
select r.id as record_id, r.source_type, r.source_id, r.role, l.person_id,
       r.self_defined_ethnicity,
       case left(r.self_defined_ethnicity, 1)
           when 'W' then 'White' when 'M' then 'Mixed' when 'A' then 'Asian' when 'B' then 'Black'
           when 'O' then 'Other' end as self_defined_group,
       r.observed_ethnicity as observed_group
from person_record r
left join person_link l on l.person_record_id = r.seq and l.ended_at is null;

comment on view people_person_ethnicity_published is
    'Published interface of people: each person record''s self-defined ethnicity (2021 Census category code, NS '
    'not stated), its broad group (null when not stated or not asked), and the officer-observed broad group, with '
    'the person it resolves to. No names. Read-only.';
