select * from skill_cooccurrence order by skill_a, skill_b
