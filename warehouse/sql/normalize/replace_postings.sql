-- Postings are rebuilt from the raw layer on every run (normalisation is cheap and pure).
delete from postings;
insert into postings by name select * from incoming;
