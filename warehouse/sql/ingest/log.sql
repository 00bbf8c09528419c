insert into ingest_log by name
select
    $source as source, $source_file as source_file, $rows_read as rows_read,
    $rows_new as rows_new, $rows_already_stored as rows_already_stored,
    $rows_duplicate_in_file as rows_duplicate_in_file, $rows_quarantined as rows_quarantined,
    $ingested_at as ingested_at, $file_fingerprint as file_fingerprint;
