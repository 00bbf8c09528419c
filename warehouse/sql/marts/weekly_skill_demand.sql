-- Weekly skill demand: the share of a week's postings that mention each skill, with a Wilson 95%
-- score interval, over all postings (total) and over unique postings (duplicates collapsed into
-- their canonical, earliest posting). Grain: one row per (week, skill) mentioned at least once.
create or replace table weekly_skill_demand as
with posting_flags as (
    select p.posting_id, p.posted_week as week, p.iso_week,
        coalesce(c.is_canonical, true) as is_unique
    from postings as p
    left join posting_clusters as c using (posting_id)
),

weekly_totals as (
    select week, any_value(iso_week) as iso_week, count(*) as postings_total,
        count(*) filter (where is_unique) as unique_postings_total
    from posting_flags
    group by week
),

weekly_skill as (
    select f.week, m.skill_id,
        count(distinct m.posting_id) as postings_with_skill,
        count(distinct m.posting_id) filter (where f.is_unique) as unique_postings_with_skill
    from skill_mentions as m
    inner join posting_flags as f using (posting_id)
    group by f.week, m.skill_id
),

skills as (
    select skill_id, any_value(skill_name) as skill_name, any_value(category) as category,
        any_value(step) as step
    from skill_mentions
    group by skill_id
),

shares as (
    select
        w.week, t.iso_week, w.skill_id, s.skill_name, s.category, s.step,
        w.postings_with_skill::integer as postings_with_skill,
        t.postings_total::integer as postings_total,
        w.postings_with_skill / t.postings_total as share,
        w.unique_postings_with_skill::integer as unique_postings_with_skill,
        t.unique_postings_total::integer as unique_postings_total,
        w.unique_postings_with_skill / nullif(t.unique_postings_total, 0) as unique_share
    from weekly_skill as w
    inner join weekly_totals as t using (week)
    inner join skills as s using (skill_id)
)

select
    *,
    wilson_low(share, postings_total) as ci_low,
    wilson_high(share, postings_total) as ci_high,
    wilson_low(unique_share, unique_postings_total) as unique_ci_low,
    wilson_high(unique_share, unique_postings_total) as unique_ci_high
from shares;
