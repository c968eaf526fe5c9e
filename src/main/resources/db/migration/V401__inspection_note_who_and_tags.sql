-- Notes from interviews and focus groups say who was heard (a role group, never a name), when, and may speak to
-- more than one sub-question. The first tag stays in sub_question, as before.
alter table inspection_note
    add column held_on    date,
    add column role_group text,
    add column tags       text[];
update inspection_note set held_on = recorded_at::date, role_group = '', tags = array[sub_question] where tags is null;
alter table inspection_note
    alter column held_on set not null,
    alter column role_group set not null,
    alter column tags set not null,
    add check (cardinality(tags) >= 1);
create index inspection_note_tags on inspection_note using gin (tags);
