-- Whether everything must be normalised again: records from another normaliser version (its
-- code or column mappings changed), or postings from before records were logged.
select
    exists (select 1 from normalized_records where normalizer_version != $normalizer_version)
    or (
        not exists (select 1 from normalized_records)
        and (
            exists (select 1 from postings)
            or exists (select 1 from quarantine where stage = 'normalize')
        )
    )
