-- Bound DuckDB's memory (it otherwise takes up to 80% of RAM as cache); larger work spills to
-- a temporary folder next to the warehouse.
set memory_limit = $memory_limit;
set temp_directory = $temp_directory;
