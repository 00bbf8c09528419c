select
    p.posting_id, p.source, p.title, p.company, p.location, p.country,
    p.posted_date, p.posted_week, p.iso_week, p.remote, p.experience_level, p.url,
    p.region, p.city, p.work_arrangement, p.language, p.role_family, p.seniority,
    p.pay_min, p.pay_max, p.pay_currency, p.pay_period, p.pay_annual_min_usd,
    p.pay_annual_max_usd, p.pay_flags,
    p.pay_min is not null or p.pay_max is not null as has_salary,
    coalesce(m.n_skills, 0)::integer as n_skills,
    coalesce(c.is_canonical, true) as is_unique,
    c.cluster_id,
    c.first_seen,
    c.last_seen
from postings as p
left join posting_clusters as c using (posting_id)
left join (
    select posting_id, count(distinct skill_id) as n_skills
    from skill_mentions
    group by posting_id
) as m using (posting_id)
order by p.posted_date, p.posting_id
