-- One roadmap's steps in order: the share of unique postings naming at least one of the step's
-- skills, with its Wilson 95% interval and n. Params: $roadmap_id.
select
    roadmap_id, roadmap_title, step_order, step_id, step_name, unified_step, n_skills,
    skills_seen, postings, postings_total, share, ci_low, ci_high
from roadmap_step_demand
where roadmap_id = $roadmap_id
order by step_order
