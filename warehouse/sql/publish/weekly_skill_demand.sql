select * from weekly_skill_demand order by week, skill_id
