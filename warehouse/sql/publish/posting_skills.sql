select * from posting_skills order by posting_id, first_start
