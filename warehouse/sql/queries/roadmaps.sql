-- Every roadmap with its number of steps; the unified default first, then by title.
select roadmap_id, any_value(roadmap_title) as roadmap_title, count(*)::integer as steps
from roadmap_step_demand
group by roadmap_id
order by roadmap_id != 'unified', roadmap_title
