-- One row per (posting, canonical skill): however often a posting names a skill, and under
-- whatever alias, it counts once. The section is the strongest one it appears in.
create or replace table posting_skills as
select
    posting_id,
    skill_id,
    any_value(skill_name) as skill_name,
    any_value(category) as category,
    any_value(step) as step,
    count(*)::integer as mentions,
    min(start_char) as first_start,
    case
        when bool_or(section = 'required') then 'required'
        when bool_or(section = 'preferred') then 'preferred'
        else 'other'
    end as section
from skill_mentions
group by posting_id, skill_id;
