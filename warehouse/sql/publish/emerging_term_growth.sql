select * from emerging_term_growth order by growth_rank nulls last, term
