-- The street-level crime table took a BRIN index on file_id (V103) so that a replaced or forgotten file's rows could
-- be found without reading the whole table. Every row loaded paid for it: the index is visited once a row, about a
-- sixth of what the server spends taking a police.uk file. A file's rows are loaded by one COPY onto the table's last
-- page and the pages it grows by, so the pages that hold them are known without reading them: from the last page
-- when the COPY began to the last page when it ended. They are kept here, and a file's rows are found again by
-- reading only those pages (a TID range scan).
--
-- A row may have gone elsewhere, into space freed earlier in the table: a file is forgotten by its pages first, and
-- if fewer rows are found there than the ledger says were loaded, by reading the whole table for the rest. A
-- rewrite (VACUUM FULL, CLUSTER) moves every row, so the table's storage (its filenode) is kept with the pages, and
-- pages kept before a rewrite are not used.
drop index opendata_police_uk_crime_file;

create table opendata_police_uk_blocks (
    file_id     bigint primary key references opendata_file (id) on delete cascade,
    filenode    oid not null,
    first_block bigint not null,
    last_block  bigint not null,
    check (first_block <= last_block)
);
