select * from salary_by_skill order by skill_id
