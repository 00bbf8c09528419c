-- The emerging_term_growth contract, one count of breaking rows per rule (all zero when it holds).
select
    count(*) - count(distinct term) as duplicate_keys,
    count(*) filter (where term is null) as null_keys,
    count(*) filter (where postings_current + postings_previous > support) as bad_support,
    count(*) filter (where (growth_rank is null) <> (support < 3)) as bad_ranked,
    count(growth_rank) - count(distinct growth_rank) as duplicate_ranks
from emerging_term_growth
