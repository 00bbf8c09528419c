-- Skill co-occurrence over unique postings (duplicates collapsed into their canonical posting):
-- for each pair of distinct skills (skill_a < skill_b) named in the same posting, the joint count
-- n_ab, the marginal counts n_a and n_b, the number of unique postings n_postings (N),
-- support = n_ab / N, lift = n_ab·N / (n_a·n_b) and PMI = log2(lift). Pairs seen in fewer than
-- $min_support postings are left out. Grain: (skill_a, skill_b).
create or replace table skill_cooccurrence as
with unique_postings as (
    select p.posting_id
    from postings as p
    left join posting_clusters as c using (posting_id)
    where coalesce(c.is_canonical, true)
),

posting_skill as (
    select distinct m.posting_id, m.skill_id
    from skill_mentions as m
    semi join unique_postings as u using (posting_id)
),

totals as (
    select count(*) as n_postings from unique_postings
),

skill_counts as (
    select skill_id, count(*) as n
    from posting_skill
    group by skill_id
),

skill_names as (
    select skill_id, any_value(skill_name) as skill_name
    from skill_mentions
    group by skill_id
),

pairs as (
    select a.skill_id as skill_a, b.skill_id as skill_b, count(*) as n_ab
    from posting_skill as a
    inner join posting_skill as b
        on a.posting_id = b.posting_id and a.skill_id < b.skill_id
    group by a.skill_id, b.skill_id
    having count(*) >= $min_support
)

select
    p.skill_a,
    p.skill_b,
    na.skill_name as skill_a_name,
    nb.skill_name as skill_b_name,
    p.n_ab::integer as n_ab,
    ca.n::integer as n_a,
    cb.n::integer as n_b,
    t.n_postings::integer as n_postings,
    p.n_ab::double / t.n_postings as support,
    p.n_ab::double * t.n_postings / (ca.n::double * cb.n) as lift,
    log2(p.n_ab::double * t.n_postings / (ca.n::double * cb.n)) as pmi
from pairs as p
cross join totals as t
inner join skill_counts as ca on ca.skill_id = p.skill_a
inner join skill_counts as cb on cb.skill_id = p.skill_b
inner join skill_names as na on na.skill_id = p.skill_a
inner join skill_names as nb on nb.skill_id = p.skill_b
order by p.skill_a, p.skill_b;
