select posting_id, skill_id, skill_name, category, step, start_char, end_char, surface, section
from skill_mentions
order by posting_id, start_char
