-- People's published interface for resolved identities: each person record with where it was recorded (source type
-- and id, role) and the person identity resolution currently links it to (null while it is linked to none). Other
-- capabilities join records of the same person through this view, never through person_link, so that an unmerge or
-- a new link shows in every reader at once.
create view people_person_record_published as
select r.id as record_id, r.source_type, r.source_id, r.role, l.person_id
from person_record r
left join person_link l on l.person_record_id = r.seq and l.ended_at is null;

comment on view people_person_record_published is
    'Published interface of people: each person record (id, source type and id, role) with the person it is '
    'currently resolved to, or null. No names or details: read those from the record itself. Read-only.';
