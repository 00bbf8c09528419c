-- A file's quarantine for a stage is replaced on every read, so reruns do not pile up rows.
delete from quarantine where stage = $stage and source_file = $source_file;
insert into quarantine
select stage, source, source_file, line, reason, raw, quarantined_at from incoming_quarantine;
