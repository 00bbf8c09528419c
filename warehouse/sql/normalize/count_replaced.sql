-- Stored postings that a chunk of new records replaces with a later version.
select count(*) from postings where posting_id in (select posting_id from incoming)
