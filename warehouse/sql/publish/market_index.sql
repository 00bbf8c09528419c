select * from market_index order by country, date
