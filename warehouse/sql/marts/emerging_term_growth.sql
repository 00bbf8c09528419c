-- Emerging terms by growth: per candidate term (verbatim, as in publish/emerging_terms), unique
-- postings mentioning it in the 12 weeks ending with the week of $as_of (current) and in the 12
-- weeks before (previous), and its support: distinct unique postings up to and including that
-- week. growth_ratio = (current + 1) / (previous + 1); score = growth_ratio * ln(support).
-- Only terms with support >= 3 get a score and a rank (1 = fastest-growing; ties broken by
-- support, then term). Grain: one row per term.
create or replace table emerging_term_growth as
with unique_postings as (
    select p.posting_id, p.posted_week, p.posted_date
    from postings as p
    left join posting_clusters as c using (posting_id)
    where coalesce(c.is_canonical, true)
),

anchor as (
    select date_trunc('week', $as_of::date)::date as as_of
),

term_postings as (
    select distinct t.term, t.posting_id, u.posted_week, u.posted_date
    from term_candidates as t
    inner join unique_postings as u using (posting_id)
    cross join anchor as a
    where u.posted_week <= a.as_of
),

per_term as (
    select
        tp.term,
        any_value(a.as_of) as as_of,
        count(*) filter (
            where tp.posted_week between (a.as_of - interval 11 week)::date and a.as_of
        )::integer as postings_current,
        count(*) filter (
            where tp.posted_week
                between (a.as_of - interval 23 week)::date and (a.as_of - interval 12 week)::date
        )::integer as postings_previous,
        count(*)::integer as support,
        min(tp.posted_date) as first_seen,
        max(tp.posted_date) as last_seen
    from term_postings as tp
    cross join anchor as a
    group by tp.term
),

scored as (
    select
        *,
        (postings_current + 1) / (postings_previous + 1) as growth_ratio,
        case
            when support >= 3 then (postings_current + 1) / (postings_previous + 1) * ln(support)
        end as score
    from per_term
)

select
    term,
    as_of,
    postings_current,
    postings_previous,
    support,
    growth_ratio,
    score,
    case
        when score is not null
            then row_number() over (
                partition by score is null order by score desc, support desc, term
            )
    end::integer as growth_rank,
    first_seen,
    last_seen
from scored
order by growth_rank nulls last, term;
