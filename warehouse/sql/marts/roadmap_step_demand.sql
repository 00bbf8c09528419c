-- Demand for each roadmap step, over unique postings (duplicates collapsed into their canonical
-- posting). roadmap_step_demand, grain (roadmap_id, step_id): the share of unique postings that
-- mention at least one skill of the step, with a Wilson 95% interval. roadmap_step_top_skills,
-- grain (roadmap_id, step_id, rank): the step's five skills named by the most unique postings
-- (ties broken by skill id; skills no posting names are not ranked).
create or replace temp table unique_posting_skills as
select distinct m.posting_id, m.skill_id
from skill_mentions as m
inner join postings as p using (posting_id)
left join posting_clusters as c using (posting_id)
where coalesce(c.is_canonical, true);

create or replace table roadmap_step_demand as
with totals as (
    select count(*) as postings_total
    from postings as p
    left join posting_clusters as c using (posting_id)
    where coalesce(c.is_canonical, true)
),

steps as (
    select
        roadmap_id, step_id,
        any_value(roadmap_title) as roadmap_title,
        any_value(step_order) as step_order,
        any_value(step_name) as step_name,
        any_value(unified_step) as unified_step,
        count(distinct skill_id) as n_skills
    from roadmap_step_skills
    group by roadmap_id, step_id
),

step_postings as (
    select
        r.roadmap_id, r.step_id,
        count(distinct u.posting_id) as postings,
        count(distinct u.skill_id) as skills_seen
    from roadmap_step_skills as r
    inner join unique_posting_skills as u using (skill_id)
    group by r.roadmap_id, r.step_id
),

shares as (
    select
        s.roadmap_id, s.roadmap_title, s.step_order, s.step_id, s.step_name, s.unified_step,
        s.n_skills::integer as n_skills,
        coalesce(p.skills_seen, 0)::integer as skills_seen,
        coalesce(p.postings, 0)::integer as postings,
        t.postings_total::integer as postings_total,
        coalesce(p.postings, 0) / nullif(t.postings_total, 0) as share
    from steps as s
    cross join totals as t
    left join step_postings as p using (roadmap_id, step_id)
)

select
    *,
    case when postings_total > 0 then wilson_low(share, postings_total) end as ci_low,
    case when postings_total > 0 then wilson_high(share, postings_total) end as ci_high
from shares
order by roadmap_id, step_order;

create or replace table roadmap_step_top_skills as
with skill_postings as (
    select skill_id, count(*) as postings
    from unique_posting_skills
    group by skill_id
),

ranked as (
    select
        r.roadmap_id, r.step_id, r.skill_id, r.skill_name, k.postings,
        row_number() over (
            partition by r.roadmap_id, r.step_id order by k.postings desc, r.skill_id
        ) as rank
    from roadmap_step_skills as r
    inner join skill_postings as k using (skill_id)
)

select
    r.roadmap_id,
    r.step_id,
    r.rank::integer as rank,
    r.skill_id,
    r.skill_name,
    r.postings::integer as postings,
    r.postings / d.postings_total as share
from ranked as r
inner join roadmap_step_demand as d using (roadmap_id, step_id)
where r.rank <= 5
order by r.roadmap_id, d.step_order, r.rank;

drop table unique_posting_skills;
