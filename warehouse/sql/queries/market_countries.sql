-- Countries the market index covers, with its date span.
select country, min(date) as first_date, max(date) as last_date
from market_index
group by country
order by country
