-- Replace the clusters of the re-clustered postings (delete, then insert) and drop postings
-- that no longer exist.
delete from posting_clusters
where posting_id in (select posting_id from incoming)
    or posting_id not in (select posting_id from postings);
insert into posting_clusters by name select * from incoming;
