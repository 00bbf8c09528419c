-- The latest normalisation's counts match the tables, and every raw record is accounted for:
-- raw = posted + superseded + quarantined.
with latest as (
    select * from normalize_log order by normalized_at desc limit 1
)

select
    l.*,
    (select count(*) from raw_postings) as raw_now,
    (select count(*) from postings) as postings_now,
    (select count(*) from quarantine where stage = 'normalize') as quarantined_now
from latest as l
