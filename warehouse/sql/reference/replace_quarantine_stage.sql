delete from quarantine where stage = $stage;
insert into quarantine
select stage, source, source_file, line, reason, raw, quarantined_at from incoming_quarantine;
