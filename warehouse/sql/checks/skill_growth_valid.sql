-- The skill_growth contract, one count of breaking rows per rule (all zero when it holds).
select
    count(*) - count(distinct (skill_id, comparison)) as duplicate_keys,
    count(*) filter (where skill_id is null or comparison is null) as null_keys,
    count(*) filter (where comparison not in ('12w', 'yoy')) as bad_comparison,
    count(*) filter (
        where direction not in ('riser', 'faller', 'flat')
            or (direction is null) <> (q_value is null)
    ) as bad_direction,
    count(*) filter (where q_value < 0 or q_value > 1 or q_value < p_value) as bad_q_value,
    count(*) filter (
        where not (diff_low_pp <= diff_pp and diff_pp <= diff_high_pp)
            or (diff_pp is null) <> (n_current = 0 or n_prior = 0)
    ) as bad_interval
from skill_growth
