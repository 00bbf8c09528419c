-- Rows that break roadmap_step_skills' contract: a duplicate (roadmap, step, skill), a missing
-- value, a step order below 1, or a unified step outside $unified_steps.
select roadmap_id, step_id, skill_id, unified_step,
    count(*) over (partition by roadmap_id, step_id, skill_id) as copies
from roadmap_step_skills
qualify copies > 1
    or roadmap_id is null or roadmap_title is null or step_id is null or step_name is null
    or skill_id is null or skill_name is null or step_order is null or step_order < 1
    or unified_step is null or not list_contains($unified_steps, unified_step)
