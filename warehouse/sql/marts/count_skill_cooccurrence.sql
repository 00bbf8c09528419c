select count(*)::integer as rows from skill_cooccurrence
