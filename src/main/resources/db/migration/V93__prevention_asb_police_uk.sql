-- police.uk publishes ASB incidents without their NSIR category or sub-type, and to the month only. Imported rows
-- say so rather than guess: category 'not published', sub-type 'Not published', reported on the month's first day.
-- Their ids begin 'PUK-'; calls taken in Peel have recorded_by set; synthetic incidents have neither.
alter table asb_incident drop constraint asb_incident_category_check;
alter table asb_incident add constraint asb_incident_category_check
    check (category in ('personal', 'nuisance', 'environmental', 'not published'));
