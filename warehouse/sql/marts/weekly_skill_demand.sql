-- Weekly skill demand: the share of a week's postings that mention each skill, with a Wilson 95%
-- score interval. Grain: one row per (week, skill) where the skill was mentioned at least once.
create or replace table weekly_skill_demand as
with weekly_totals as (
    select posted_week as week, any_value(iso_week) as iso_week, count(*) as postings_total
    from postings
    group by posted_week
),

weekly_skill as (
    select p.posted_week as week, m.skill_id, count(distinct m.posting_id) as postings_with_skill
    from skill_mentions as m
    inner join postings as p using (posting_id)
    group by p.posted_week, m.skill_id
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
        w.postings_with_skill / t.postings_total as share
    from weekly_skill as w
    inner join weekly_totals as t using (week)
    inner join skills as s using (skill_id)
)

select
    *,
    wilson_low(share, postings_total) as ci_low,
    wilson_high(share, postings_total) as ci_high
from shares;
