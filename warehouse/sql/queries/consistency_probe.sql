-- Two numbers from two tables of one snapshot: they agree unless a reader saw a mix.
select
    (select count(*) from postings)::integer as postings,
    (select postings_total from refresh_log order by refreshed_at desc limit 1)::integer as logged
