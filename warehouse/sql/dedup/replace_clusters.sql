delete from posting_clusters;
insert into posting_clusters by name select * from incoming;
