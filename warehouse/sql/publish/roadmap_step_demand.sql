select * from roadmap_step_demand order by roadmap_id, step_order
