select
    (select count(*) from salaries) as accepted,
    (select count(*) from quarantine where stage = 'salaries') as quarantined
