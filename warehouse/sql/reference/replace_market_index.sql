delete from market_index;
insert into market_index by name select * from incoming;
