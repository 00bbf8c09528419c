-- Postings per posting week (Monday), all and unique.
select
    posted_week as week,
    count(*)::integer as postings,
    count(*) filter (where is_unique)::integer as unique_postings
from postings
group by posted_week
order by posted_week
