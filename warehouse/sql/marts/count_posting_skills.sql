select count(*) from posting_skills
