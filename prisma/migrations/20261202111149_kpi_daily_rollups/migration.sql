-- CreateTable
CREATE TABLE "kpi_day_created" (
    "dim" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "tickets" INTEGER NOT NULL,
    "frt_count" INTEGER NOT NULL,
    "frt_ms" BIGINT NOT NULL,
    "answered" INTEGER NOT NULL,

    CONSTRAINT "kpi_day_created_pkey" PRIMARY KEY ("dim","day","key")
);

-- CreateTable
CREATE TABLE "kpi_day_resolved" (
    "dim" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "resolved" INTEGER NOT NULL,
    "res_count" INTEGER NOT NULL,
    "res_ms" BIGINT NOT NULL,
    "fcr_all" INTEGER NOT NULL,
    "fcr_yes" INTEGER NOT NULL,

    CONSTRAINT "kpi_day_resolved_pkey" PRIMARY KEY ("dim","day","key")
);

-- CreateTable
CREATE TABLE "kpi_day_handle" (
    "dim" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "talk" BIGINT NOT NULL,
    "hold" BIGINT NOT NULL,
    "wrap_up" BIGINT NOT NULL,

    CONSTRAINT "kpi_day_handle_pkey" PRIMARY KEY ("dim","day","key")
);

-- CreateTable
CREATE TABLE "kpi_day_surveys" (
    "dim" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "nps_responses" INTEGER NOT NULL,
    "nps_promoters" INTEGER NOT NULL,
    "nps_passives" INTEGER NOT NULL,
    "nps_detractors" INTEGER NOT NULL,
    "csat_responses" INTEGER NOT NULL,
    "csat_satisfied" INTEGER NOT NULL,
    "csat_sum" BIGINT NOT NULL,
    "ces_responses" INTEGER NOT NULL,
    "ces_low_effort" INTEGER NOT NULL,
    "ces_sum" BIGINT NOT NULL,

    CONSTRAINT "kpi_day_surveys_pkey" PRIMARY KEY ("dim","day","key")
);

-- CreateTable
CREATE TABLE "kpi_day_durations" (
    "metric" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "counts" INTEGER[],

    CONSTRAINT "kpi_day_durations_pkey" PRIMARY KEY ("metric","dim","day","key")
);

-- Daily rollups of the KPI facts (docs/kpi-facts.md, "Daily rollups"). A KPI over a year used
-- to read a million rows; it now reads 365 rollup rows per group for the window's whole UTC
-- days and the raw rows only of its partial days, with the same numbers. Statement triggers
-- keep them in the writing transaction, whoever writes; the rows' own facts (migration
-- kpi_facts) are set by row triggers before these run, so the rollups see final values.

-- A dimension value as a rollup key: '' for NULL, '=' and the value otherwise (keys are part
-- of the primary key, which cannot hold NULL).
CREATE FUNCTION "deskql_rollup_key"(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN value IS NULL THEN '' ELSE '=' || value END $$;

-- The bin of a duration in milliseconds: 0 below one second, then 16 bins per doubling. Bins
-- follow value order (the function never decreases), so the k-th smallest value of a window
-- is the right rank within the bin that the bins' running counts point to.
CREATE FUNCTION "deskql_duration_bin"(ms BIGINT) RETURNS SMALLINT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT (CASE WHEN ms < 1000 THEN 0 ELSE 1 + floor(16 * ln(ms / 1000.0::float8) / ln(2::float8))::int END)::smallint $$;

-- Duration counts per bin as one array per day and key: counts[b + 1] is the count of bin b.
-- A day's bins of one key are read as one row (unnest), instead of a row per bin.
CREATE FUNCTION "deskql_bin_counts"(bins SMALLINT[], ns BIGINT[]) RETURNS INTEGER[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(x.n, 0)::int ORDER BY g)
  FROM generate_series(0, (SELECT max(b) FROM unnest(bins) AS b)) AS g LEFT JOIN unnest(bins, ns) AS x(b, n) ON x.b = g $$;

CREATE FUNCTION "deskql_add_counts"(a INTEGER[], b INTEGER[]) RETURNS INTEGER[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) ORDER BY i)
  FROM generate_series(1, greatest(cardinality(a), cardinality(b))) AS i $$;

-- Each table's rollup statement is built from SQL that lists the rows to add (sign 1) and to
-- take away (sign -1): in the trigger, its transition tables; when filling an existing
-- database, the table itself. The statement runs in the trigger function, the only place its
-- transition tables are visible.

CREATE FUNCTION "deskql_ticket_rollup_sql"(changes TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT format($sql$
    WITH c AS (%s),
    d AS (
      SELECT c.*, x.dim, x.key FROM c CROSS JOIN LATERAL (VALUES
        ('ALL', ''), ('AGENT', deskql_rollup_key(c.assignee_id::text)), ('TEAM', deskql_rollup_key(c.team_id::text)),
        ('CHANNEL', deskql_rollup_key(c.channel::text)), ('PRIORITY', deskql_rollup_key(c.priority::text)),
        ('CATEGORY', deskql_rollup_key(c.category)), ('CUSTOMER_SEGMENT', deskql_rollup_key(c.customer_segment))) AS x(dim, key)
    ),
    created AS (
      INSERT INTO kpi_day_created AS r (dim, day, key, tickets, frt_count, frt_ms, answered)
      SELECT dim, (created_at AT TIME ZONE 'UTC')::date, key, sum(sign),
             coalesce(sum(sign) FILTER (WHERE first_response_ms IS NOT NULL), 0), coalesce(sum(sign * first_response_ms), 0),
             coalesce(sum(sign) FILTER (WHERE knowledge_article_id IS NOT NULL), 0)
      FROM d GROUP BY 1, 2, 3
      HAVING sum(sign) <> 0 OR coalesce(sum(sign) FILTER (WHERE first_response_ms IS NOT NULL), 0) <> 0
          OR coalesce(sum(sign * first_response_ms), 0) <> 0 OR coalesce(sum(sign) FILTER (WHERE knowledge_article_id IS NOT NULL), 0) <> 0
      ON CONFLICT (dim, day, key) DO UPDATE SET tickets = r.tickets + excluded.tickets, frt_count = r.frt_count + excluded.frt_count,
        frt_ms = r.frt_ms + excluded.frt_ms, answered = r.answered + excluded.answered
    ),
    resolved AS (
      INSERT INTO kpi_day_resolved AS r (dim, day, key, resolved, res_count, res_ms, fcr_all, fcr_yes)
      SELECT dim, (resolved_at AT TIME ZONE 'UTC')::date, key, sum(sign),
             coalesce(sum(sign) FILTER (WHERE resolution_ms IS NOT NULL), 0), coalesce(sum(sign * resolution_ms), 0),
             coalesce(sum(sign) FILTER (WHERE interaction_count > 0), 0),
             coalesce(sum(sign) FILTER (WHERE interaction_count = 1 AND transferred_interaction_count = 0 AND reopen_count = 0), 0)
      FROM d WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3
      HAVING sum(sign) <> 0 OR coalesce(sum(sign * resolution_ms), 0) <> 0
          OR coalesce(sum(sign) FILTER (WHERE resolution_ms IS NOT NULL), 0) <> 0
          OR coalesce(sum(sign) FILTER (WHERE interaction_count > 0), 0) <> 0
          OR coalesce(sum(sign) FILTER (WHERE interaction_count = 1 AND transferred_interaction_count = 0 AND reopen_count = 0), 0) <> 0
      ON CONFLICT (dim, day, key) DO UPDATE SET resolved = r.resolved + excluded.resolved, res_count = r.res_count + excluded.res_count,
        res_ms = r.res_ms + excluded.res_ms, fcr_all = r.fcr_all + excluded.fcr_all, fcr_yes = r.fcr_yes + excluded.fcr_yes
    ),
    durations AS (
      SELECT sign, dim, key, 'frt' AS metric, created_at AS at, first_response_ms AS ms FROM d WHERE first_response_ms IS NOT NULL AND dim <> 'AGENT'
      UNION ALL
      SELECT sign, dim, key, 'res', resolved_at, resolution_ms FROM d WHERE resolution_ms IS NOT NULL AND dim <> 'AGENT'
    ),
    bins AS (
      SELECT metric, dim, (at AT TIME ZONE 'UTC')::date AS day, key, deskql_duration_bin(ms) AS bin, sum(sign) AS n
      FROM durations GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0
    )
    INSERT INTO kpi_day_durations AS r (metric, dim, day, key, counts)
    SELECT metric, dim, day, key, deskql_bin_counts(array_agg(bin), array_agg(n)) FROM bins GROUP BY 1, 2, 3, 4
    ON CONFLICT (metric, dim, day, key) DO UPDATE SET counts = deskql_add_counts(r.counts, excluded.counts)
  $sql$, changes) $$;

CREATE FUNCTION "deskql_interaction_rollup_sql"(changes TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT format($sql$
    WITH c AS (%s),
    d AS (
      SELECT c.*, x.dim, x.key FROM c CROSS JOIN LATERAL (VALUES
        ('ALL', ''), ('AGENT', deskql_rollup_key(c.agent_id::text)), ('TEAM', deskql_rollup_key(c.agent_team_id::text)),
        ('CHANNEL', deskql_rollup_key(c.ticket_channel::text)), ('PRIORITY', deskql_rollup_key(c.ticket_priority::text)),
        ('CATEGORY', deskql_rollup_key(c.ticket_category)), ('CUSTOMER_SEGMENT', deskql_rollup_key(c.customer_segment))) AS x(dim, key)
    ),
    handle AS (
      INSERT INTO kpi_day_handle AS r (dim, day, key, n, talk, hold, wrap_up)
      SELECT dim, (started_at AT TIME ZONE 'UTC')::date, key, sum(sign), sum(sign * talk_seconds), sum(sign * hold_seconds), sum(sign * wrap_up_seconds)
      FROM d GROUP BY 1, 2, 3
      HAVING sum(sign) <> 0 OR sum(sign * talk_seconds) <> 0 OR sum(sign * hold_seconds) <> 0 OR sum(sign * wrap_up_seconds) <> 0
      ON CONFLICT (dim, day, key) DO UPDATE SET n = r.n + excluded.n, talk = r.talk + excluded.talk, hold = r.hold + excluded.hold,
        wrap_up = r.wrap_up + excluded.wrap_up
    ),
    bins AS (
      SELECT 'aht' AS metric, dim, (started_at AT TIME ZONE 'UTC')::date AS day, key,
             deskql_duration_bin(handle_seconds * 1000::bigint) AS bin, sum(sign) AS n
      FROM d WHERE dim <> 'AGENT' GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0
    )
    INSERT INTO kpi_day_durations AS r (metric, dim, day, key, counts)
    SELECT metric, dim, day, key, deskql_bin_counts(array_agg(bin), array_agg(n)) FROM bins GROUP BY 1, 2, 3, 4
    ON CONFLICT (metric, dim, day, key) DO UPDATE SET counts = deskql_add_counts(r.counts, excluded.counts)
  $sql$, changes) $$;

CREATE FUNCTION "deskql_survey_rollup_sql"(changes TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT format($sql$
    WITH c AS (%s),
    d AS (
      SELECT c.*, x.dim, x.key FROM c CROSS JOIN LATERAL (VALUES
        ('ALL', ''), ('AGENT', deskql_rollup_key(c.ticket_assignee_id::text)), ('TEAM', deskql_rollup_key(c.ticket_team_id::text)),
        ('CHANNEL', deskql_rollup_key(c.ticket_channel::text)), ('PRIORITY', deskql_rollup_key(c.ticket_priority::text)),
        ('CATEGORY', deskql_rollup_key(c.ticket_category)), ('CUSTOMER_SEGMENT', deskql_rollup_key(c.customer_segment))) AS x(dim, key)
    ),
    sums AS (
      SELECT dim, (responded_at AT TIME ZONE 'UTC')::date AS day, key, sum(sign) AS n,
        coalesce(sum(sign) FILTER (WHERE kind = 'NPS'), 0) AS nps_responses,
        coalesce(sum(sign) FILTER (WHERE kind = 'NPS' AND score >= 9), 0) AS nps_promoters,
        coalesce(sum(sign) FILTER (WHERE kind = 'NPS' AND score BETWEEN 7 AND 8), 0) AS nps_passives,
        coalesce(sum(sign) FILTER (WHERE kind = 'NPS' AND score <= 6), 0) AS nps_detractors,
        coalesce(sum(sign) FILTER (WHERE kind = 'CSAT'), 0) AS csat_responses,
        coalesce(sum(sign) FILTER (WHERE kind = 'CSAT' AND score >= 4), 0) AS csat_satisfied,
        coalesce(sum(sign * score) FILTER (WHERE kind = 'CSAT'), 0) AS csat_sum,
        coalesce(sum(sign) FILTER (WHERE kind = 'CES'), 0) AS ces_responses,
        coalesce(sum(sign) FILTER (WHERE kind = 'CES' AND score >= 5), 0) AS ces_low_effort,
        coalesce(sum(sign * score) FILTER (WHERE kind = 'CES'), 0) AS ces_sum
      FROM d GROUP BY 1, 2, 3
    )
    INSERT INTO kpi_day_surveys AS r (dim, day, key, n, nps_responses, nps_promoters, nps_passives, nps_detractors,
      csat_responses, csat_satisfied, csat_sum, ces_responses, ces_low_effort, ces_sum)
    SELECT * FROM sums
    WHERE n <> 0 OR nps_responses <> 0 OR nps_promoters <> 0 OR nps_passives <> 0 OR nps_detractors <> 0 OR csat_responses <> 0
       OR csat_satisfied <> 0 OR csat_sum <> 0 OR ces_responses <> 0 OR ces_low_effort <> 0 OR ces_sum <> 0
    ON CONFLICT (dim, day, key) DO UPDATE SET n = r.n + excluded.n, nps_responses = r.nps_responses + excluded.nps_responses,
      nps_promoters = r.nps_promoters + excluded.nps_promoters, nps_passives = r.nps_passives + excluded.nps_passives,
      nps_detractors = r.nps_detractors + excluded.nps_detractors, csat_responses = r.csat_responses + excluded.csat_responses,
      csat_satisfied = r.csat_satisfied + excluded.csat_satisfied, csat_sum = r.csat_sum + excluded.csat_sum,
      ces_responses = r.ces_responses + excluded.ces_responses, ces_low_effort = r.ces_low_effort + excluded.ces_low_effort,
      ces_sum = r.ces_sum + excluded.ces_sum
  $sql$, changes) $$;

CREATE FUNCTION "deskql_rollups"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE changes TEXT := CASE TG_OP
  WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
  WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
  -- An UPDATE adds and takes away only the rows it changed: a statement that rewrites rows
  -- unchanged (a propagation that found nothing to copy) costs the rollups nothing.
  ELSE 'SELECT 1 AS sign, * FROM (SELECT * FROM new_rows EXCEPT ALL SELECT * FROM old_rows) AS n
        UNION ALL SELECT -1 AS sign, * FROM (SELECT * FROM old_rows EXCEPT ALL SELECT * FROM new_rows) AS o' END;
BEGIN
  EXECUTE CASE TG_TABLE_NAME
    WHEN 'ticket' THEN deskql_ticket_rollup_sql(changes)
    WHEN 'interaction' THEN deskql_interaction_rollup_sql(changes)
    ELSE deskql_survey_rollup_sql(changes) END;
  RETURN NULL;
END $$;

-- Emptying a table (a seed's --reset) empties its rollups.
CREATE FUNCTION "deskql_rollups_truncate"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'ticket' THEN
    DELETE FROM kpi_day_created; DELETE FROM kpi_day_resolved; DELETE FROM kpi_day_durations WHERE metric IN ('frt', 'res');
  ELSIF TG_TABLE_NAME = 'interaction' THEN
    DELETE FROM kpi_day_handle; DELETE FROM kpi_day_durations WHERE metric = 'aht';
  ELSE
    DELETE FROM kpi_day_surveys;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE source TEXT; fn TEXT;
BEGIN
  FOR source, fn IN VALUES ('ticket', 'deskql_rollups'), ('interaction', 'deskql_rollups'), ('survey_response', 'deskql_rollups') LOOP
    EXECUTE format('CREATE TRIGGER "%s_rollups_insert" AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I()', source, source, fn);
    EXECUTE format('CREATE TRIGGER "%s_rollups_update" AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I()', source, source, fn);
    EXECUTE format('CREATE TRIGGER "%s_rollups_delete" AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %I()', source, source, fn);
    EXECUTE format('CREATE TRIGGER "%s_rollups_truncate" AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION deskql_rollups_truncate()',
                   source, source);
  END LOOP;
END $$;

-- Every rollup recomputed from the rows: for existing databases (below), and for bulk loads
-- (the seed), which disable the rollup triggers, write, then call this in the same
-- transaction: one pass per table instead of a trigger per batch. Slices of 50,000 ids, so
-- that no statement holds millions of rows at once.
CREATE FUNCTION "deskql_rebuild_rollups"() RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE source TEXT; builder TEXT; statement TEXT; top BIGINT; start BIGINT;
BEGIN
  DELETE FROM kpi_day_created; DELETE FROM kpi_day_resolved; DELETE FROM kpi_day_handle;
  DELETE FROM kpi_day_surveys; DELETE FROM kpi_day_durations;
  FOR source, builder IN VALUES ('ticket', 'deskql_ticket_rollup_sql'), ('interaction', 'deskql_interaction_rollup_sql'),
                                ('survey_response', 'deskql_survey_rollup_sql') LOOP
    EXECUTE format('SELECT max(id) FROM %I', source) INTO top;
    start := 0;
    WHILE start <= coalesce(top, -1) LOOP
      EXECUTE format('SELECT %I($1)', builder) INTO statement
        USING format('SELECT 1 AS sign, * FROM %I WHERE id >= %s AND id < %s', source, start, start + 50000);
      EXECUTE statement;
      start := start + 50000;
    END LOOP;
  END LOOP;
END $$;

-- Turns the rollup triggers of the three tables off (a bulk load that rebuilds afterwards) or on.
CREATE FUNCTION "deskql_rollup_triggers"(enabled BOOLEAN) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE source TEXT; op TEXT;
BEGIN
  FOREACH source IN ARRAY ARRAY['ticket', 'interaction', 'survey_response'] LOOP
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete'] LOOP
      EXECUTE format('ALTER TABLE %I %s TRIGGER %I', source, CASE WHEN enabled THEN 'ENABLE' ELSE 'DISABLE' END,
                     source || '_rollups_' || op);
    END LOOP;
  END LOOP;
END $$;

SELECT deskql_rebuild_rollups();

-- Exact percentiles read the one bin holding a rank, within a window, from these indexes:
-- the bin, then the placing timestamp, carrying the value and the dimensions the bins are
-- kept by (named *_kpi_cover: Prisma's schema cannot express them, migration-diff.ts).
CREATE INDEX "ticket_frt_bin_kpi_cover" ON "ticket" (deskql_duration_bin("first_response_ms"), "created_at")
  INCLUDE ("first_response_ms", "team_id", "channel", "priority", "category", "customer_segment");
CREATE INDEX "ticket_res_bin_kpi_cover" ON "ticket" (deskql_duration_bin("resolution_ms"), "resolved_at")
  INCLUDE ("resolution_ms", "team_id", "channel", "priority", "category", "customer_segment");
CREATE INDEX "interaction_aht_bin_kpi_cover" ON "interaction" (deskql_duration_bin("handle_seconds" * 1000::bigint), "started_at")
  INCLUDE ("handle_seconds", "agent_team_id", "ticket_channel", "ticket_priority", "ticket_category", "customer_segment");
