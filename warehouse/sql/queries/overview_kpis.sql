-- Headline numbers of the snapshot: postings (all and unique), their date span, the share of
-- unique postings that state a salary, and when the snapshot was refreshed.
select
    count(*)::integer as postings,
    count(*) filter (where is_unique)::integer as unique_postings,
    min(posted_date) as first_posted,
    max(posted_date) as last_posted,
    count(*) filter (where is_unique and has_salary)::integer as unique_with_salary,
    (select max(refreshed_at) from refresh_log) as refreshed_at
from postings
