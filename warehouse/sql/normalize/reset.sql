-- A new normaliser version: forget every normalised record so that all are done again.
delete from postings;
delete from normalized_records;
delete from quarantine where stage = 'normalize';
