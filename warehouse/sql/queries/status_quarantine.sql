-- Every quarantined record: where it came from, why, and its raw text (truncated).
select stage, source, source_file, line, reason, raw, quarantined_at
from quarantine
order by stage, source_file, line
