-- The police.uk tables take millions of rows by COPY, and every btree index costs a random write per row. Rows are
-- found by file only to replace or forget a file, and file ids rise with loading order, so a BRIN index (a few
-- pages, summarising ranges of the table) finds a file's rows as well for a fraction of the cost. Nothing reads the
-- crime rows by force and month: facts are read from the pre-aggregated views, built by one scan of the table.
drop index opendata_police_uk_crime_force;
drop index opendata_police_uk_crime_file;
create index opendata_police_uk_crime_file on opendata_police_uk_crime using brin (file_id);
drop index opendata_police_uk_outcome_file;
create index opendata_police_uk_outcome_file on opendata_police_uk_outcome using brin (file_id);
