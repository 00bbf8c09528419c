-- The posting-level tables stored as week files (warehouse/partitions.py), read as views. The
-- globs are bound as variables; each query lists the files again, so new weeks show at once.
set variable skill_mentions_files = $skill_mentions_files;
set variable term_candidates_files = $term_candidates_files;
set variable extraction_log_files = $extraction_log_files;

create or replace temp view skill_mentions as
select * from read_parquet(getvariable('skill_mentions_files'));

create or replace temp view term_candidates as
select * from read_parquet(getvariable('term_candidates_files'));

create or replace temp view extraction_log as
select * from read_parquet(getvariable('extraction_log_files'));
