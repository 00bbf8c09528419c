-- Quarantined records by stage, source and reason.
select stage, source, reason, count(*)::integer as records
from quarantine
group by stage, source, reason
order by records desc, stage, source, reason
