-- Terms in the emerging-term growth mart, and how many of them are ranked.
select count(*)::integer as terms, count(growth_rank)::integer as ranked from emerging_term_growth
