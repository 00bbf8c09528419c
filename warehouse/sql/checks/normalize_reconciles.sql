-- Every raw record is normalised exactly once by the current normaliser, and the tables agree:
-- raw = normalised records = posted + superseded + quarantined.
select
    (select count(*) from raw_postings) as raw_now,
    (select count(*) from normalized_records) as records_normalized,
    (select count(*) from normalized_records where posting_id is not null) as records_posted,
    (select count(distinct posting_id) from normalized_records) as posting_ids,
    (select count(*) from postings) as postings_now,
    (select count(*) from normalized_records where posting_id is null) as records_quarantined,
    (select count(*) from quarantine where stage = 'normalize') as quarantined_now,
    (select count(distinct normalizer_version) from normalized_records) as versions,
    (
        select count(*) from postings as p
        where not exists (
            select 1 from normalized_records as n
            where n.content_hash = p.content_hash and n.posting_id = p.posting_id
        )
    ) as postings_unexplained
