-- Skill growth, step 2 of 2: the registered frame `incoming` (counts, tests and q-values built in
-- warehouse/trends.py) becomes the mart. Grain: (skill_id, comparison).
create or replace table skill_growth as
select * from incoming
order by skill_id, comparison;
