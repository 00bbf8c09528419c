-- Record counts by work year and employment type: the options of the salary filters.
select work_year, employment_type, count(*)::integer as n
from salaries
group by work_year, employment_type
order by work_year, employment_type
