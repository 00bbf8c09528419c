-- Annual salary in USD by role family and experience level: n, quartiles and median.
-- Params: $work_year (integer, null = all years), $employment_type (varchar, null = all types).
select
    role_family,
    experience_level,
    any_value(experience_label) as experience_label,
    count(*)::integer as n,
    quantile_cont(salary_in_usd, 0.25) as q1,
    median(salary_in_usd) as median,
    quantile_cont(salary_in_usd, 0.75) as q3
from salaries
where
    ($work_year::integer is null or work_year = $work_year::integer)
    and ($employment_type::varchar is null or employment_type = $employment_type::varchar)
group by role_family, experience_level
order by role_family, experience_level
