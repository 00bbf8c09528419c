select
    count(*)::integer as rows,
    count(distinct roadmap_id)::integer as roadmaps,
    count(distinct (roadmap_id, step_id))::integer as steps
from roadmap_step_skills
