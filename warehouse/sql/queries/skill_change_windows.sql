-- The windows and postings behind one comparison, for titles and empty states.
-- Params: $comparison.
select
    any_value(as_of) as as_of,
    any_value(current_start) as current_start, any_value(current_end) as current_end,
    any_value(prior_start) as prior_start, any_value(prior_end) as prior_end,
    max(n_current)::integer as n_current, max(n_prior)::integer as n_prior,
    count(*) filter (where direction = 'riser')::integer as risers,
    count(*) filter (where direction = 'faller')::integer as fallers,
    count(*) filter (where direction is not null)::integer as tested
from skill_growth
where comparison = $comparison
