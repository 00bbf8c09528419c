select * from roadmap_step_top_skills order by roadmap_id, step_id, rank
