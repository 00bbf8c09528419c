-- Every posting is in exactly one cluster; postings = unique (canonical) + merged duplicates;
-- every merged member says why.
select
    (select count(*) from postings) as postings,
    (select count(*) from posting_clusters) as clustered,
    (select count(*) from posting_clusters where is_canonical) as unique_postings,
    (select count(*) from posting_clusters where not is_canonical) as merged,
    (select count(*) from posting_clusters where not is_canonical and reason is null) as unexplained,
    (select count(*) from postings where posting_id not in (select posting_id from posting_clusters))
        as unclustered
