select * from salaries
