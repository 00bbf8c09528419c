select count(*) from skill_mentions
