-- The most mentioned skills over the whole period, optionally within one roadmap step.
-- Params: $step (varchar, null = all steps), $limit (integer).
select
    skill_id, skill_name, category, step, postings_with_skill, postings_total,
    share, ci_low, ci_high
from skill_totals
where $step::varchar is null or step = $step::varchar
order by share desc, skill_id
limit $limit
