insert into ingest_log values (
    $source, $source_file, $rows_read, $rows_new, $rows_already_stored, $rows_duplicate_in_file,
    $rows_quarantined, $ingested_at
);
