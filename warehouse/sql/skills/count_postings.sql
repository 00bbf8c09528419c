select count(*) from postings
