-- Rows that break the step demand marts' contract: a duplicate key, a missing value, a share
-- outside [0, 1] or outside its interval, postings above the total, a unified step outside
-- $unified_steps, or a top-skill rank outside 1..5 or out of order.
with demand as (
    select 'step' as grain, roadmap_id, step_id,
        count(*) over (partition by roadmap_id, step_id) as copies
    from roadmap_step_demand
    qualify copies > 1
        or roadmap_id is null or step_id is null or step_order is null
        or postings is null or postings_total is null or postings > postings_total
        or unified_step is null or not list_contains($unified_steps, unified_step)
        or (postings_total > 0 and (share is null or ci_low is null or ci_high is null))
        or share < 0 or share > 1
        or ci_low > share or ci_high < share or ci_low < 0 or ci_high > 1
),

top_skills as (
    select 'top_skill' as grain, roadmap_id, step_id,
        count(*) over (partition by roadmap_id, step_id, rank) as copies
    from roadmap_step_top_skills
    qualify copies > 1
        or skill_id is null or postings is null or share is null
        or rank < 1 or rank > 5
        or share < 0 or share > 1
        or postings > lag(postings) over (partition by roadmap_id, step_id order by rank)
)

select * from demand
union all
select * from top_skills
