-- Append new records from the registered frame `incoming`; records already stored are skipped,
-- so re-reading a file, or resuming after a failure, never duplicates anything.
insert into raw_postings
select content_hash, source, source_file, line, record::json, ingested_at
from incoming
where content_hash not in (select content_hash from raw_postings);
