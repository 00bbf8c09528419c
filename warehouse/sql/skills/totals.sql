-- Mentions and extracted postings across all weeks.
select
    (select count(*) from skill_mentions) as mentions,
    (select count(*) from extraction_log) as postings
