-- Candidate terms outside the taxonomy, by support (distinct postings). Ranked by growth in the
-- trend marts once several weeks of postings exist.
select
    c.term,
    count(distinct c.posting_id)::integer as postings,
    count(*)::integer as mentions,
    min(p.posted_date) as first_seen,
    max(p.posted_date) as last_seen
from term_candidates as c
inner join postings as p using (posting_id)
group by c.term
order by postings desc, c.term
