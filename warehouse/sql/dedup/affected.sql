-- The postings a de-duplication run must (re)cluster: new or changed ones (another dedup key or
-- dedup version), and every member of the stored clusters they could join or that lose a
-- member: clusters seen within the repost window of the oldest change. The rest stay as they
-- are. One member per dedup key carries its description (for the near-duplicate shingles).
with changed as (
    select p.posting_id, p.posted_date
    from postings as p
    left join posting_clusters as c using (posting_id)
    where c.posting_id is null
        or c.dedup_key is distinct from p.dedup_key
        or c.dedup_version is distinct from $dedup_version
),

gone as (
    select cluster_id from posting_clusters
    where posting_id not in (select posting_id from postings)
),

touched as (
    select distinct c.cluster_id
    from posting_clusters as c
    where c.last_seen >= (select min(posted_date) from changed) - cast($window_days as integer)
        or c.cluster_id in (select cluster_id from gone)
        or c.posting_id in (select posting_id from changed)
),

subset as (
    select posting_id from changed
    union
    select posting_id from posting_clusters where cluster_id in (select cluster_id from touched)
)

select
    p.posting_id, p.source, p.title, p.company, p.posted_date, p.dedup_key as key,
    case
        when row_number() over (partition by p.dedup_key order by p.posted_date, p.posting_id) = 1
            then p.description
    end as description
from postings as p
where p.posting_id in (select posting_id from subset)
order by p.posted_date, p.posting_id
