select
    (select count(*) from salary_by_skill)::integer as skills,
    (select count(*) from salary_by_skill where not suppressed)::integer as skills_shown,
    (select count(*) from salary_by_skill where not premium_suppressed)::integer as skills_with_premium,
    (select count(*) from salary_by_skill_cell)::integer as cells,
    (select count(*) from salary_by_skill_cell where suppressed)::integer as cells_suppressed
