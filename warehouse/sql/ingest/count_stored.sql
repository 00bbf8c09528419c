select count(*) from incoming where content_hash in (select content_hash from raw_postings)
