select * from refresh_log order by refreshed_at
