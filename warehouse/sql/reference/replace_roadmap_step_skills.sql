-- Every roadmap (seed articles + unified) flattened to one row per (roadmap, step, skill), from the
-- frame registered as `incoming`.
create or replace table roadmap_step_skills as
select
    roadmap_id::varchar as roadmap_id,
    roadmap_title::varchar as roadmap_title,
    step_order::integer as step_order,
    step_id::varchar as step_id,
    step_name::varchar as step_name,
    unified_step::varchar as unified_step,
    skill_id::varchar as skill_id,
    skill_name::varchar as skill_name
from incoming
order by roadmap_id, step_order, skill_id;
