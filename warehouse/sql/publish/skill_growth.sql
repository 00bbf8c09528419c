select * from skill_growth order by skill_id, comparison
