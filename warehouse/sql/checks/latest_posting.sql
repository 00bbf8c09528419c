select max(posted_date) from postings
