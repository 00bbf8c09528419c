-- Weeks of a range whose week files are missing or out of date: postings this extractor version
-- has not extracted, or extracted rows of postings that changed, moved or are gone. With $force,
-- every week that has postings or files.
with postings_in_range as (
    select
        p.posted_week,
        count(*) as postings,
        count(*) filter (where e.posting_id is null) as pending
    from postings as p
    left join extraction_log as e
        on e.posting_id = p.posting_id
        and e.content_hash = p.content_hash
        and e.posted_week = p.posted_week
        and e.extractor_version = $extractor_version
    where p.posted_week between $first_week and $last_week
    group by p.posted_week
),

stale as (
    select e.posted_week, count(*) as stale
    from extraction_log as e
    where e.posted_week between $first_week and $last_week
        and not exists (
            select 1 from postings as p
            where p.posting_id = e.posting_id
                and p.content_hash = e.content_hash
                and p.posted_week = e.posted_week
                and e.extractor_version = $extractor_version
        )
    group by e.posted_week
)

select
    posted_week as week,
    coalesce(i.postings, 0) as postings,
    coalesce(i.pending, 0) as pending,
    coalesce(s.stale, 0) as stale
from postings_in_range as i
full join stale as s using (posted_week)
where $force or coalesce(i.pending, 0) > 0 or coalesce(s.stale, 0) > 0
order by week
