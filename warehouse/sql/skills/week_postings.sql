-- The postings of one week, with their text.
select posting_id, content_hash, description
from postings
where posted_week = $week
order by posting_id
