delete from salaries;
insert into salaries by name select * from incoming;
