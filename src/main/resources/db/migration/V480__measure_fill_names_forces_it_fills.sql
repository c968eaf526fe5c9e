-- The import that fills an offence group may fill it for some forces only: the London Datastore file speaks for the
-- Metropolitan Police alone, so a report on Kent must not tell its user to import it. filled_for lists the forces the
-- import named in filled_by can fill (null: every force).
alter table measure_offence_group add column filled_for text[];

update measure_offence_group set filled_for = '{E23000001}' where id = 'assault_with_injury';
