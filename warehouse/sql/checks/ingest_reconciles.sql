-- For each file's latest read: rows read = new + already stored + duplicates + quarantined, and the
-- quarantine holds exactly the rows the log says it does.
with latest as (
    select * from ingest_log
    qualify row_number() over (partition by source_file order by ingested_at desc) = 1
),

held as (
    select source_file, count(*) as n from quarantine where stage = 'read' group by source_file
)

select
    l.source_file, l.rows_read, l.rows_new, l.rows_already_stored, l.rows_duplicate_in_file,
    l.rows_quarantined, coalesce(h.n, 0) as quarantine_rows
from latest as l
left join held as h using (source_file)
where l.rows_read != l.rows_new + l.rows_already_stored + l.rows_duplicate_in_file
    + l.rows_quarantined
    or l.rows_quarantined != coalesce(h.n, 0)
