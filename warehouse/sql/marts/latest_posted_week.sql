-- The trend marts' as-of week: the latest week (Monday) any posting was posted in.
select max(posted_week) from postings
