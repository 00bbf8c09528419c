select content_hash, source, source_file, line, record::varchar as record
from raw_postings
order by ingested_at, source_file, line
