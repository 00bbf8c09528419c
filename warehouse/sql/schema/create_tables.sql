-- The warehouse's tables. Raw and logs are append-only; the rest are rebuilt by their assets.

create table if not exists raw_postings (
    content_hash varchar primary key,  -- sha256 of the verbatim record
    source varchar not null,           -- mapping name, e.g. linkedin_2023_2024
    source_file varchar not null,
    line integer not null,             -- physical line where the record starts
    record json not null,              -- the source record, verbatim
    ingested_at timestamp not null
);

create table if not exists ingest_log (
    source varchar not null,
    source_file varchar not null,
    rows_read integer not null,
    rows_new integer not null,
    rows_already_stored integer not null,
    rows_duplicate_in_file integer not null,
    rows_quarantined integer not null,
    ingested_at timestamp not null
);

alter table ingest_log add column if not exists file_fingerprint varchar;  -- size:mtime_ns

create table if not exists quarantine (
    stage varchar not null,            -- read | normalize | salaries
    source varchar not null,
    source_file varchar not null,
    line integer,
    reason varchar not null,
    raw varchar,
    quarantined_at timestamp not null
);

create table if not exists postings (
    posting_id varchar primary key,    -- <source>:<source id>
    content_hash varchar not null,
    source varchar not null,
    source_id varchar not null,
    title varchar not null,
    company varchar,
    location varchar,
    country varchar,                   -- ISO 3166-1 alpha-2 where known
    posted_date date not null,
    posted_week date not null,         -- Monday of the ISO week
    iso_week varchar not null,         -- e.g. 2024-W15
    remote boolean,
    experience_level varchar,
    url varchar,
    description varchar not null,      -- plain text, HTML removed
    salary_min double,
    salary_max double,
    salary_period varchar,
    salary_currency varchar
);

alter table postings add column if not exists salary_text varchar;
alter table postings add column if not exists language varchar;          -- ISO 639-1
alter table postings add column if not exists region varchar;
alter table postings add column if not exists city varchar;
alter table postings add column if not exists work_arrangement varchar;  -- remote|hybrid|onsite
alter table postings add column if not exists role_family varchar;       -- extractors.titles ids
alter table postings add column if not exists seniority varchar;
alter table postings add column if not exists pay_min double;            -- parsed, per pay_period
alter table postings add column if not exists pay_max double;
alter table postings add column if not exists pay_currency varchar;      -- ISO 4217
alter table postings add column if not exists pay_period varchar;        -- hour|day|week|month|year
alter table postings add column if not exists pay_annual_min_usd double; -- null when implausible
alter table postings add column if not exists pay_annual_max_usd double;
alter table postings add column if not exists pay_flags varchar;
alter table postings add column if not exists dedup_key varchar;         -- extractors.dedup.exact_key

-- skill_mentions, term_candidates and extraction_log are week files (warehouse/partitions.py);
-- warehouses from before then held them as tables.
drop table if exists skill_mentions;
drop table if exists term_candidates;
drop table if exists extraction_log;

create table if not exists salaries (
    work_year integer not null,
    experience_level varchar not null, -- EN | MI | SE | EX
    experience_label varchar not null,
    employment_type varchar not null,
    job_title varchar not null,
    role_family varchar not null,
    salary double not null,
    salary_currency varchar not null,
    salary_in_usd double not null,
    employee_residence varchar,
    remote_ratio integer,
    company_location varchar,
    company_size varchar
);

create table if not exists market_index (
    date date not null,
    country varchar not null,
    index_sa double,
    index_nsa double
);

create table if not exists refresh_log (
    refreshed_at timestamp not null,
    postings_total integer not null,
    mentions_total integer not null,
    skills_in_taxonomy integer not null,
    salaries_total integer not null,
    quarantined_total integer not null,
    extractor_version varchar not null
);

create table if not exists normalized_records (
    content_hash varchar primary key,  -- the raw record
    normalizer_version varchar not null,
    posting_id varchar,                -- null when the record was quarantined
    normalized_at timestamp not null
);

create table if not exists normalize_log (  -- one row per run: what that run normalised
    rows_raw integer not null,         -- raw records new to this normaliser version
    rows_posted integer not null,
    rows_superseded integer not null,  -- older versions of a posting that changed at its source
    rows_quarantined integer not null,
    normalized_at timestamp not null
);

create table if not exists posting_clusters (
    posting_id varchar primary key,
    cluster_id varchar not null,       -- the canonical posting of the cluster (earliest)
    is_canonical boolean not null,
    first_seen date not null,          -- of the whole cluster
    last_seen date not null,
    reason varchar                     -- why a non-canonical member was merged
);

alter table posting_clusters add column if not exists dedup_key varchar;
alter table posting_clusters add column if not exists dedup_version varchar;
