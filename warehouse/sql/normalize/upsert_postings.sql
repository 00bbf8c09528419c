-- One chunk of newly normalised records: later versions of a posting replace earlier ones
-- (delete, then insert), quarantined records join the quarantine, and every record is logged.
delete from postings where posting_id in (select posting_id from incoming);
insert into postings by name select * from incoming;
insert into quarantine by name select * from incoming_quarantine;
insert into normalized_records by name select * from incoming_records;
