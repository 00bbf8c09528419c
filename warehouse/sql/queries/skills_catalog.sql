-- Every skill mentioned at least once, most in demand first: the options of the skill pickers.
select
    skill_id, skill_name, category, step, postings_with_skill, postings_total, share
from skill_totals
order by postings_with_skill desc, skill_id
