select count(distinct week) from weekly_skill_demand
