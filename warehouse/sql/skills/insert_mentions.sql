delete from skill_mentions where content_hash in (select content_hash from incoming_log);
delete from term_candidates where content_hash in (select content_hash from incoming_log);
insert into skill_mentions by name select * from incoming_mentions;
insert into term_candidates by name select * from incoming_candidates;
insert into extraction_log by name select * from incoming_log;
