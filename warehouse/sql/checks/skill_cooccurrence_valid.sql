-- Rows that break skill_cooccurrence's contract: a duplicate or unordered pair, a missing value,
-- counts that cannot hold (n_ab above a marginal, a marginal above N, n_ab below $min_support),
-- support outside [0, 1], lift not positive, or PMI that is not log2(lift).
select skill_a, skill_b, n_ab, n_a, n_b, n_postings, support, lift, pmi,
    count(*) over (partition by skill_a, skill_b) as copies
from skill_cooccurrence
qualify copies > 1
    or skill_a is null or skill_b is null or skill_a >= skill_b
    or n_ab is null or n_a is null or n_b is null or n_postings is null
    or n_ab < $min_support or n_ab > least(n_a, n_b) or greatest(n_a, n_b) > n_postings
    or support is null or support < 0 or support > 1
    or lift is null or lift <= 0
    or pmi is null or abs(pmi - log2(lift)) > 1e-9
