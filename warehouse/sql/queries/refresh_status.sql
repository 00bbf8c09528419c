-- The latest refresh: when it ran and how much it published.
select
    refreshed_at, postings_total, mentions_total, skills_in_taxonomy, salaries_total,
    quarantined_total, extractor_version
from refresh_log
order by refreshed_at desc
limit 1
