-- How many raw records this normaliser version has not seen yet.
select count(*)
from raw_postings as r
where not exists (
    select 1 from normalized_records as n where n.content_hash = r.content_hash
)
