-- The rate limit's token buckets are disposable state: after a crash PostgreSQL empties an
-- unlogged table, and every key simply starts again with a full bucket. In exchange a charge
-- writes no WAL and its commit does not wait for a flush to disk, which, taken on every request
-- (and serialized on the row of a busy key), was the ceiling of a single key's throughput.
-- Read replicas never see the table; the rate limit is charged on the primary only.
ALTER TABLE "rate_bucket" SET UNLOGGED;
