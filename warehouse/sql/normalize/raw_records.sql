-- The verbatim raw records of one chunk of pending content hashes, in the chunk's order.
select r.content_hash, r.source, r.source_file, r.line, r.record::varchar as record
from chunk_hashes as c
join raw_postings as r using (content_hash)
order by c.position
