-- Drop mentions and candidates of postings that are gone, and those made by another extractor
-- version.
delete from skill_mentions
where posting_id not in (select posting_id from postings)
    or content_hash not in (
        select content_hash from extraction_log where extractor_version = $extractor_version
    );

delete from term_candidates
where posting_id not in (select posting_id from postings)
    or content_hash not in (
        select content_hash from extraction_log where extractor_version = $extractor_version
    );
