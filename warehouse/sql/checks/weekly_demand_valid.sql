-- Rows that break the mart's contract: a duplicate key, a share outside [0, 1] or outside its CI.
select week, skill_id, count(*) over (partition by week, skill_id) as copies, share, ci_low, ci_high
from weekly_skill_demand
qualify copies > 1
    or share < 0 or share > 1
    or ci_low > share or ci_high < share
    or postings_with_skill > postings_total
