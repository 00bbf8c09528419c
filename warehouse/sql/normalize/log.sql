insert into normalize_log values ($rows_raw, $rows_posted, $rows_superseded, $rows_quarantined, $normalized_at);
