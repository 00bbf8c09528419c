select * from roadmap_step_skills order by roadmap_id, step_order, skill_id
