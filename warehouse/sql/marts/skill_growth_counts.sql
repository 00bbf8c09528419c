-- Skill growth, step 1 of 2: the counts behind each comparison. The tests, intervals and q-values
-- are computed in Python (warehouse/trends.py) and written back by marts/replace_skill_growth.
--
-- Windows are 12 whole weeks (Mondays), both ends inclusive, on unique postings (the canonical
-- member of a duplicate cluster, or a posting with no cluster row):
--   current   the 12 weeks ending with the week of $as_of
--   previous  the 12 weeks before those                          (comparison '12w')
--   year_ago  the 12 weeks ending with the week that holds that Monday minus one calendar year
--             (comparison 'yoy')
--   baseline  the first 12 weeks in the data                      (for the index)
-- Grain: one row per (skill_id, comparison) for every skill mentioned in any unique posting.
-- A window without postings has n = 0; the Python step then leaves its shares and tests null.
with unique_postings as (
    select p.posting_id, p.posted_week
    from postings as p
    left join posting_clusters as c using (posting_id)
    where coalesce(c.is_canonical, true)
),

as_of_week as (
    select date_trunc('week', $as_of::date)::date as as_of
),

anchor as (
    select
        as_of,
        date_trunc('week', as_of - interval 1 year)::date as year_ago_end,
        (select min(posted_week) from unique_postings) as first_week
    from as_of_week
),

windows as (
    select 'current' as window_name, (as_of - interval 11 week)::date as week_start,
        as_of as week_end
    from anchor
    union all
    select 'previous', (as_of - interval 23 week)::date, (as_of - interval 12 week)::date
    from anchor
    union all
    select 'year_ago', (year_ago_end - interval 11 week)::date, year_ago_end
    from anchor
    union all
    select 'baseline', first_week, (first_week + interval 11 week)::date
    from anchor
),

window_postings as (
    select w.window_name, u.posting_id
    from windows as w
    inner join unique_postings as u on u.posted_week between w.week_start and w.week_end
),

window_totals as (
    select w.window_name, w.week_start, w.week_end, count(wp.posting_id) as n
    from windows as w
    left join window_postings as wp using (window_name)
    group by w.window_name, w.week_start, w.week_end
),

window_skill as (
    select wp.window_name, m.skill_id, count(distinct m.posting_id) as k
    from window_postings as wp
    inner join skill_mentions as m using (posting_id)
    group by wp.window_name, m.skill_id
),

skills as (
    select m.skill_id, any_value(m.skill_name) as skill_name, any_value(m.category) as category,
        any_value(m.step) as step
    from skill_mentions as m
    inner join unique_postings as u using (posting_id)
    group by m.skill_id
),

comparisons as (
    select * from (values ('12w', 'previous'), ('yoy', 'year_ago')) as c (comparison, prior_window)
),

grid as (
    select s.skill_id, s.skill_name, s.category, s.step, c.comparison, c.prior_window
    from skills as s
    cross join comparisons as c
)

select
    g.skill_id,
    g.skill_name,
    g.category,
    g.step,
    g.comparison,
    a.as_of,
    cur.week_start as current_start,
    cur.week_end as current_end,
    pri.week_start as prior_start,
    pri.week_end as prior_end,
    coalesce(kc.k, 0)::integer as postings_current,
    cur.n::integer as n_current,
    coalesce(kp.k, 0)::integer as postings_prior,
    pri.n::integer as n_prior,
    coalesce(kb.k, 0)::integer as postings_baseline,
    base.n::integer as n_baseline
from grid as g
cross join anchor as a
inner join window_totals as cur on cur.window_name = 'current'
inner join window_totals as pri on pri.window_name = g.prior_window
inner join window_totals as base on base.window_name = 'baseline'
left join window_skill as kc on kc.skill_id = g.skill_id and kc.window_name = 'current'
left join window_skill as kp on kp.skill_id = g.skill_id and kp.window_name = g.prior_window
left join window_skill as kb on kb.skill_id = g.skill_id and kb.window_name = 'baseline'
order by g.skill_id, g.comparison
