-- Raw records this normaliser version has not seen yet, oldest first (a later version of a
-- posting replaces an earlier one), streamed in chunks.
select r.content_hash, r.source, r.source_file, r.line, r.record::varchar as record
from raw_postings as r
where not exists (
    select 1 from normalized_records as n where n.content_hash = r.content_hash
)
order by r.ingested_at, r.source_file, r.line
