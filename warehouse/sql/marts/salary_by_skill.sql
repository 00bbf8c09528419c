-- Salary by skill, over unique postings with a usable annual USD salary: the midpoint of
-- pay_annual_min_usd and pay_annual_max_usd, or whichever one is present.
--
-- salary_by_skill_cell, grain (skill_id, role_family, seniority, country): postings with the skill
-- (n_with) against the baseline of postings in the same cell without it (n_without), their
-- medians and premium = median_with - median_without. A cell with n_with or n_without below
-- $min_cell_n is suppressed: its medians and premium are null, never shown as numbers. Unknown
-- role family, seniority or country form their own 'unknown' cell.
--
-- salary_by_skill, grain skill_id: n, p25, median and p75 of every salaried posting with the skill
-- (null and suppressed when n < $min_cell_n), and the premium averaged over the skill's
-- unsuppressed cells, weighted by n_with (null when no cell qualifies).
create or replace temp table salaried_postings as
with pay as (
    select
        p.posting_id,
        coalesce(p.role_family, 'unknown') as role_family,
        coalesce(p.seniority, 'unknown') as seniority,
        coalesce(p.country, 'unknown') as country,
        case
            when p.pay_annual_min_usd is not null and p.pay_annual_max_usd is not null
                then (p.pay_annual_min_usd + p.pay_annual_max_usd) / 2
            else coalesce(p.pay_annual_min_usd, p.pay_annual_max_usd)
        end as pay_usd
    from postings as p
    left join posting_clusters as c using (posting_id)
    where coalesce(c.is_canonical, true)
)

select * from pay where pay_usd > 0;

create or replace temp table salaried_posting_skills as
select distinct m.posting_id, m.skill_id
from skill_mentions as m
semi join salaried_postings as s using (posting_id);

create or replace table salary_by_skill_cell as
with cell_totals as (
    select role_family, seniority, country, count(*) as n_cell
    from salaried_postings
    group by role_family, seniority, country
),

with_skill as (
    select
        ps.skill_id, s.role_family, s.seniority, s.country,
        count(*) as n_with,
        median(s.pay_usd) as median_with
    from salaried_posting_skills as ps
    inner join salaried_postings as s using (posting_id)
    group by ps.skill_id, s.role_family, s.seniority, s.country
),

cells as (
    select
        w.*,
        t.n_cell - w.n_with as n_without,
        w.n_with < $min_cell_n or t.n_cell - w.n_with < $min_cell_n as suppressed
    from with_skill as w
    inner join cell_totals as t using (role_family, seniority, country)
),

without_skill as (
    select
        c.skill_id, c.role_family, c.seniority, c.country,
        median(s.pay_usd) as median_without
    from cells as c
    inner join salaried_postings as s using (role_family, seniority, country)
    anti join salaried_posting_skills as ps
        on ps.posting_id = s.posting_id and ps.skill_id = c.skill_id
    where not c.suppressed
    group by c.skill_id, c.role_family, c.seniority, c.country
)

select
    c.skill_id,
    c.role_family,
    c.seniority,
    c.country,
    c.n_with::integer as n_with,
    c.n_without::integer as n_without,
    c.suppressed,
    case when not c.suppressed then c.median_with end as median_with,
    case when not c.suppressed then w.median_without end as median_without,
    case when not c.suppressed then c.median_with - w.median_without end as premium
from cells as c
left join without_skill as w using (skill_id, role_family, seniority, country)
order by c.skill_id, c.role_family, c.seniority, c.country;

create or replace table salary_by_skill as
with skill_pay as (
    select
        ps.skill_id,
        count(*) as n,
        quantile_cont(s.pay_usd, 0.25) as p25,
        quantile_cont(s.pay_usd, 0.5) as median,
        quantile_cont(s.pay_usd, 0.75) as p75
    from salaried_posting_skills as ps
    inner join salaried_postings as s using (posting_id)
    group by ps.skill_id
),

premiums as (
    select
        skill_id,
        count(*) as cells,
        count(*) filter (where not suppressed) as premium_cells,
        coalesce(sum(n_with) filter (where not suppressed), 0) as premium_n,
        sum(n_with * premium) filter (where not suppressed)
        / sum(n_with) filter (where not suppressed) as premium
    from salary_by_skill_cell
    group by skill_id
),

skill_names as (
    select skill_id, any_value(skill_name) as skill_name
    from skill_mentions
    group by skill_id
)

select
    k.skill_id,
    n.skill_name,
    k.n::integer as n,
    k.n < $min_cell_n as suppressed,
    case when k.n >= $min_cell_n then k.p25 end as p25,
    case when k.n >= $min_cell_n then k.median end as median,
    case when k.n >= $min_cell_n then k.p75 end as p75,
    r.cells::integer as cells,
    r.premium_cells::integer as premium_cells,
    r.premium_n::integer as premium_n,
    r.premium_cells = 0 as premium_suppressed,
    r.premium
from skill_pay as k
inner join premiums as r using (skill_id)
inner join skill_names as n using (skill_id)
order by k.skill_id;

drop table salaried_posting_skills;

drop table salaried_postings;
