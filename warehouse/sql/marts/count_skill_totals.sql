select count(*) from skill_totals
