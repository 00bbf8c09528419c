-- Postings per source in the current snapshot: total, unique after de-duplication, date span.
select
    source,
    count(*)::integer as postings,
    count(*) filter (where is_unique)::integer as unique_postings,
    min(posted_date) as first_posted,
    max(posted_date) as last_posted,
    count(*) filter (where has_salary)::integer as with_salary
from postings
group by source
order by postings desc
