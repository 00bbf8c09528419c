-- Weekly share of postings that mention each chosen skill, zero-filled over every week that has
-- postings, with Wilson 95% intervals (for a zero count the upper bound is z^2 / (n + z^2)).
-- Grain: one row per (chosen skill, week), in the order the skills were chosen.
-- Params: $skill_ids (varchar[]).
with weeks as (
    select posted_week as week, any_value(iso_week) as iso_week, count(*)::integer as postings_total
    from postings
    group by posted_week
),

chosen as (
    select skill_id, skill_name, category, step
    from skill_totals
    where list_contains($skill_ids::varchar[], skill_id)
),

grid as (
    select * from weeks cross join chosen
)

select
    g.week, g.iso_week, g.skill_id, g.skill_name, g.category, g.step,
    coalesce(d.postings_with_skill, 0)::integer as postings_with_skill,
    g.postings_total,
    coalesce(d.share, 0.0) as share,
    coalesce(d.ci_low, 0.0) as ci_low,
    coalesce(d.ci_high, 1.96 ^ 2 / (g.postings_total + 1.96 ^ 2)) as ci_high
from grid as g
left join weekly_skill_demand as d
    on d.week = g.week and d.skill_id = g.skill_id
order by list_position($skill_ids::varchar[], g.skill_id), g.week
