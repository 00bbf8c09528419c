-- Postings per source in the current snapshot, with their date span.
select
    source,
    count(*)::integer as postings,
    min(posted_date) as first_posted,
    max(posted_date) as last_posted,
    count(*) filter (where has_salary)::integer as with_salary
from postings
group by source
order by postings desc
