-- The Indeed Job Postings Index (seasonally adjusted, 100 = 1 Feb 2020) for one country, as
-- weekly means (weeks start on Monday). Params: $country.
select date_trunc('week', date)::date as week, avg(index_sa) as index_sa, count(*)::integer as days
from market_index
where country = $country and index_sa is not null
group by 1
order by 1
