-- Postings whose exact content has not been extracted by this extractor version yet.
select posting_id, content_hash, description
from postings
where content_hash not in (
    select content_hash from extraction_log where extractor_version = $extractor_version
)
order by posting_id
