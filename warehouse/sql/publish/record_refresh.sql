insert into refresh_log values (
    $refreshed_at,
    (select count(*) from postings),
    (select count(*) from skill_mentions),
    $skills_in_taxonomy,
    (select count(*) from salaries),
    (select count(*) from quarantine),
    $extractor_version
);
