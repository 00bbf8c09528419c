select count(*) as postings, count(*) filter (where is_canonical) as unique_postings
from posting_clusters
