select
    (select count(*) from roadmap_step_demand)::integer as steps,
    (select count(*) from roadmap_step_top_skills)::integer as top_skills
