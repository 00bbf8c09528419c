-- Rows that break the salary marts' contract: a duplicate key, a missing key or count, a
-- suppression flag that disagrees with the counts ($min_cell_n), a suppressed row that shows a
-- number, or percentiles out of order.
with cells as (
    select 'cell' as grain, skill_id,
        count(*) over (partition by skill_id, role_family, seniority, country) as copies
    from salary_by_skill_cell
    qualify copies > 1
        or role_family is null or seniority is null or country is null
        or n_with is null or n_without is null or suppressed is null
        or suppressed != (n_with < $min_cell_n or n_without < $min_cell_n)
        or (suppressed and (median_with is not null or median_without is not null
            or premium is not null))
        or (not suppressed and (median_with is null or median_without is null or premium is null))
),

skills as (
    select 'skill' as grain, skill_id, count(*) over (partition by skill_id) as copies
    from salary_by_skill
    qualify copies > 1
        or skill_id is null or n is null or suppressed is null or premium_suppressed is null
        or suppressed != (n < $min_cell_n)
        or (suppressed and (p25 is not null or median is not null or p75 is not null))
        or (not suppressed and not (p25 <= median and median <= p75))
        or premium_suppressed != (premium_cells = 0)
        or (premium_suppressed and premium is not null)
        or (not premium_suppressed and premium is null)
)

select * from cells
union all
select * from skills
