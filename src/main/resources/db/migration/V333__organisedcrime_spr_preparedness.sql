-- The six national threats of the Strategic Policing Requirement (2015; reference/standards.md 18.3, names
-- paraphrased there), and the force's record of preparedness for each: exercises, debriefs, lessons and capability
-- reviews, each with the assessment it gave. A threat not exercised within the configured period is flagged.
create table spr_threat (
    id      text primary key,
    title   text    not null,
    ordinal integer not null
);
insert into spr_threat (id, title, ordinal) values
    ('terrorism', 'Terrorism', 1),
    ('serious-organised-crime', 'Serious and organised crime', 2),
    ('cyber', 'A national cyber security incident', 3),
    ('public-order', 'Threats to public order or public safety beyond a single force', 4),
    ('civil-emergencies', 'Civil emergencies', 5),
    ('child-sexual-abuse', 'Child sexual abuse', 6);

create table spr_preparedness (
    id          bigserial primary key,
    threat_id   text        not null references spr_threat (id),
    kind        text        not null check (kind in ('exercise', 'debrief', 'lesson', 'capability review')),
    held_on     date        not null,
    title       text        not null check (length(trim(title)) > 0),
    assessment  text check (assessment in ('prepared', 'partly prepared', 'not prepared')),
    summary     text        not null default '',
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index spr_preparedness_threat on spr_preparedness (threat_id, held_on desc);
create trigger spr_preparedness_no_delete before delete on spr_preparedness
    for each row execute function forbid_delete();
