select * from skill_totals order by postings_with_skill desc, skill_id
