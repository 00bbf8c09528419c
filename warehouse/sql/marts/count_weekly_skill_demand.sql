select count(*) from weekly_skill_demand
