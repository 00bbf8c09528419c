-- The most asked-for skills of each step of one roadmap. Params: $roadmap_id.
select step_id, rank, skill_id, skill_name, postings, share
from roadmap_step_top_skills
where roadmap_id = $roadmap_id
order by step_id, rank
