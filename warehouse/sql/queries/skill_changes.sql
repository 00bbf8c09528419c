-- The skills whose share of unique postings rose or fell most in one comparison (12w or yoy):
-- the $limit largest rises and the $limit largest falls, tested or not (direction says which
-- survived Benjamini–Hochberg at q < 0.05). Params: $comparison, $limit.
with tested as (
    select * from skill_growth
    where comparison = $comparison and diff_pp is not null
),

ranked as (
    select
        *,
        row_number() over (order by diff_pp desc, skill_id) as rise_rank,
        row_number() over (order by diff_pp asc, skill_id) as fall_rank
    from tested
)

select
    skill_id, skill_name, step, comparison, as_of, current_start, current_end, prior_start,
    prior_end, postings_current, n_current, postings_prior, n_prior, share_current, share_prior,
    diff_pp, diff_low_pp, diff_high_pp, p_value, q_value, direction
from ranked
where (rise_rank <= $limit and diff_pp > 0) or (fall_rank <= $limit and diff_pp < 0)
order by diff_pp desc, skill_id
