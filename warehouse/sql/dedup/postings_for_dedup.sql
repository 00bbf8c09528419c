select posting_id, source, title, company, description, posted_date
from postings
order by posting_id
