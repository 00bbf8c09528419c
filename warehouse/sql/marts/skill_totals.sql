-- Skill demand over the whole period: share of all postings mentioning each skill, Wilson 95%.
-- Grain: one row per skill mentioned at least once.
create or replace table skill_totals as
with total as (
    select count(*) as postings_total from postings
),

per_skill as (
    select
        m.skill_id, any_value(m.skill_name) as skill_name, any_value(m.category) as category,
        any_value(m.step) as step, count(distinct m.posting_id) as postings_with_skill,
        min(p.posted_date) as first_seen, max(p.posted_date) as last_seen
    from skill_mentions as m
    inner join postings as p using (posting_id)
    group by m.skill_id
),

shares as (
    select
        s.skill_id, s.skill_name, s.category, s.step,
        s.postings_with_skill::integer as postings_with_skill,
        t.postings_total::integer as postings_total,
        s.postings_with_skill / t.postings_total as share,
        s.first_seen, s.last_seen
    from per_skill as s cross join total as t
)

select
    *,
    wilson_low(share, postings_total) as ci_low,
    wilson_high(share, postings_total) as ci_high
from shares;
