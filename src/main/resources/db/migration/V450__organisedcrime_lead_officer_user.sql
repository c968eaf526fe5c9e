-- The lead responsible officer becomes a user of Peel, so that their rights over the group (tasking neighbourhood
-- teams, completing those tasks) follow the person named rather than a role. The name as first recorded stays in
-- lead_officer, readable beside the user; a recorded name that is exactly one user's username or display name is
-- taken as that user, and the rest stay as recorded until someone picks the user on the group's page.
alter table ocg add column lead_officer_username text references app_user (username);

update ocg g set lead_officer_username = u.username
from app_user u
where g.lead_officer is not null
  and (lower(trim(g.lead_officer)) = lower(u.username) or lower(trim(g.lead_officer)) = lower(u.display_name))
  and (select count(*) from app_user x
       where lower(trim(g.lead_officer)) = lower(x.username) or lower(trim(g.lead_officer)) = lower(x.display_name)) = 1;

create index ocg_lead_officer on ocg (lead_officer_username) where lead_officer_username is not null;
