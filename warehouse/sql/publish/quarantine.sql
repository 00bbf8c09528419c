select stage, source, source_file, line, reason, left(raw, 500) as raw, quarantined_at
from quarantine
order by stage, source_file, line
