-- The size and modification time a file had when it was last read (null: never read).
select file_fingerprint
from ingest_log
where source_file = $source_file
order by ingested_at desc
limit 1
