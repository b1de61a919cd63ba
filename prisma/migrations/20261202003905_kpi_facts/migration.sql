-- AlterTable
ALTER TABLE "interaction" ADD COLUMN     "agent_team_id" INTEGER,
ADD COLUMN     "customer_segment" TEXT,
ADD COLUMN     "handle_seconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ticket_category" TEXT,
ADD COLUMN     "ticket_channel" "channel",
ADD COLUMN     "ticket_customer_id" INTEGER,
ADD COLUMN     "ticket_priority" "priority";

-- AlterTable
ALTER TABLE "ticket" ADD COLUMN     "customer_segment" TEXT,
ADD COLUMN     "first_response_ms" BIGINT,
ADD COLUMN     "interaction_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "resolution_ms" BIGINT,
ADD COLUMN     "transferred_interaction_count" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "survey_response" ADD COLUMN     "customer_segment" TEXT,
ADD COLUMN     "ticket_assignee_id" INTEGER,
ADD COLUMN     "ticket_category" TEXT,
ADD COLUMN     "ticket_channel" "channel",
ADD COLUMN     "ticket_priority" "priority",
ADD COLUMN     "ticket_team_id" INTEGER;

-- CreateTable
CREATE TABLE "data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id")
);

-- Fill the facts of existing databases, before the triggers exist: set-based updates are many
-- times faster on millions of rows than the triggers' row-by-row lookups.
UPDATE "ticket" t SET
  "first_response_ms" = (extract(epoch FROM t."first_response_at" - t."created_at") * 1000)::BIGINT,
  "resolution_ms" = (extract(epoch FROM t."resolved_at" - t."created_at") * 1000)::BIGINT,
  "customer_segment" = f."segment",
  "interaction_count" = coalesce(f.n, 0),
  "transferred_interaction_count" = coalesce(f.x, 0)
FROM (SELECT t2."id", c."segment", d.n, d.x
      FROM "ticket" t2
      JOIN "customer" c ON c."id" = t2."customer_id"
      LEFT JOIN (SELECT "ticket_id", count(*)::INT AS n, count(*) FILTER (WHERE "transferred")::INT AS x
                 FROM "interaction" GROUP BY "ticket_id") d ON d."ticket_id" = t2."id") f
WHERE f."id" = t."id";

UPDATE "interaction" i SET
  "handle_seconds" = i."talk_seconds" + i."hold_seconds" + i."wrap_up_seconds",
  "agent_team_id" = a."team_id",
  "ticket_channel" = t."channel",
  "ticket_priority" = t."priority",
  "ticket_category" = t."category",
  "ticket_customer_id" = t."customer_id",
  "customer_segment" = t."customer_segment"
FROM "ticket" t, "agent" a
WHERE t."id" = i."ticket_id" AND a."id" = i."agent_id";

UPDATE "survey_response" s SET
  "customer_segment" = f."segment",
  "ticket_assignee_id" = f."assignee_id",
  "ticket_team_id" = f."team_id",
  "ticket_channel" = f."channel",
  "ticket_priority" = f."priority",
  "ticket_category" = f."category"
FROM (SELECT s2."id", c."segment", t."assignee_id", t."team_id", t."channel", t."priority", t."category"
      FROM "survey_response" s2
      JOIN "customer" c ON c."id" = s2."customer_id"
      LEFT JOIN "ticket" t ON t."id" = s2."ticket_id") f
WHERE f."id" = s."id";

-- KPI facts prepared at write time (docs/kpi-facts.md). Every KPI used to derive these at read
-- time from the raw rows (a per-ticket count of interactions for first contact resolution,
-- durations from timestamps, dimensions joined in from the ticket, agent and customer), so
-- its cost grew with the whole history. Triggers keep them right in the writing transaction,
-- whoever writes (import, upsert mutations, seed, a BI tool's own SQL): each derived column is
-- recomputed from its sources by a BEFORE trigger, and a change to a source "touches" the rows
-- that inherit from it, which runs their BEFORE trigger again.

-- Durations in whole milliseconds: timestamps are timestamptz(3), so this is exact, and
-- integers aggregate and sort faster than intervals. The segment is the customer's.
CREATE FUNCTION "deskql_ticket_facts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW."first_response_ms" := (extract(epoch FROM NEW."first_response_at" - NEW."created_at") * 1000)::BIGINT;
  NEW."resolution_ms" := (extract(epoch FROM NEW."resolved_at" - NEW."created_at") * 1000)::BIGINT;
  NEW."customer_segment" := (SELECT c."segment" FROM "customer" c WHERE c."id" = NEW."customer_id");
  RETURN NEW;
END $$;
CREATE TRIGGER "ticket_facts" BEFORE INSERT OR UPDATE ON "ticket"
  FOR EACH ROW EXECUTE FUNCTION "deskql_ticket_facts"();

CREATE FUNCTION "deskql_interaction_facts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW."handle_seconds" := NEW."talk_seconds" + NEW."hold_seconds" + NEW."wrap_up_seconds";
  NEW."agent_team_id" := (SELECT a."team_id" FROM "agent" a WHERE a."id" = NEW."agent_id");
  SELECT t."channel", t."priority", t."category", t."customer_id", t."customer_segment"
    INTO NEW."ticket_channel", NEW."ticket_priority", NEW."ticket_category", NEW."ticket_customer_id", NEW."customer_segment"
    FROM "ticket" t WHERE t."id" = NEW."ticket_id";
  RETURN NEW;
END $$;
CREATE TRIGGER "interaction_facts" BEFORE INSERT OR UPDATE ON "interaction"
  FOR EACH ROW EXECUTE FUNCTION "deskql_interaction_facts"();

CREATE FUNCTION "deskql_survey_response_facts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  NEW."customer_segment" := (SELECT c."segment" FROM "customer" c WHERE c."id" = NEW."customer_id");
  NEW."ticket_assignee_id" := NULL; NEW."ticket_team_id" := NULL; NEW."ticket_channel" := NULL;
  NEW."ticket_priority" := NULL; NEW."ticket_category" := NULL;
  IF NEW."ticket_id" IS NOT NULL THEN
    SELECT t."assignee_id", t."team_id", t."channel", t."priority", t."category"
      INTO NEW."ticket_assignee_id", NEW."ticket_team_id", NEW."ticket_channel", NEW."ticket_priority", NEW."ticket_category"
      FROM "ticket" t WHERE t."id" = NEW."ticket_id";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "survey_response_facts" BEFORE INSERT OR UPDATE ON "survey_response"
  FOR EACH ROW EXECUTE FUNCTION "deskql_survey_response_facts"();

-- A ticket's dimensions changed: its interactions and survey responses inherit them again.
CREATE FUNCTION "deskql_ticket_facts_propagate"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "interaction" SET "ticket_id" = "ticket_id" WHERE "ticket_id" = NEW."id";
  UPDATE "survey_response" SET "ticket_id" = "ticket_id" WHERE "ticket_id" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "ticket_facts_propagate" AFTER UPDATE ON "ticket" FOR EACH ROW
  WHEN (OLD."channel" IS DISTINCT FROM NEW."channel" OR OLD."priority" IS DISTINCT FROM NEW."priority"
     OR OLD."category" IS DISTINCT FROM NEW."category" OR OLD."customer_id" IS DISTINCT FROM NEW."customer_id"
     OR OLD."customer_segment" IS DISTINCT FROM NEW."customer_segment"
     OR OLD."assignee_id" IS DISTINCT FROM NEW."assignee_id" OR OLD."team_id" IS DISTINCT FROM NEW."team_id")
  EXECUTE FUNCTION "deskql_ticket_facts_propagate"();

-- An agent moved to another team: handle time by TEAM follows the agent's current team.
CREATE FUNCTION "deskql_agent_facts_propagate"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "interaction" SET "agent_id" = "agent_id" WHERE "agent_id" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "agent_facts_propagate" AFTER UPDATE ON "agent" FOR EACH ROW
  WHEN (OLD."team_id" IS DISTINCT FROM NEW."team_id")
  EXECUTE FUNCTION "deskql_agent_facts_propagate"();

-- A customer changed segment: their tickets (and so those tickets' interactions) and their
-- survey responses inherit it again.
CREATE FUNCTION "deskql_customer_facts_propagate"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ticket" SET "customer_id" = "customer_id" WHERE "customer_id" = NEW."id";
  UPDATE "survey_response" SET "customer_id" = "customer_id" WHERE "customer_id" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "customer_facts_propagate" AFTER UPDATE ON "customer" FOR EACH ROW
  WHEN (OLD."segment" IS DISTINCT FROM NEW."segment")
  EXECUTE FUNCTION "deskql_customer_facts_propagate"();

-- Interaction counts per ticket (first contact resolution), kept by statement triggers over
-- the changed rows, so a bulk insert of interactions costs one UPDATE of their tickets.
CREATE FUNCTION "deskql_interaction_counts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "ticket" t SET "interaction_count" = t."interaction_count" + d.n,
        "transferred_interaction_count" = t."transferred_interaction_count" + d.x
      FROM (SELECT "ticket_id", count(*)::INT AS n, count(*) FILTER (WHERE "transferred")::INT AS x
            FROM new_rows GROUP BY "ticket_id") d
      WHERE t."id" = d."ticket_id";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "ticket" t SET "interaction_count" = t."interaction_count" - d.n,
        "transferred_interaction_count" = t."transferred_interaction_count" - d.x
      FROM (SELECT "ticket_id", count(*)::INT AS n, count(*) FILTER (WHERE "transferred")::INT AS x
            FROM old_rows GROUP BY "ticket_id") d
      WHERE t."id" = d."ticket_id";
  ELSE
    UPDATE "ticket" t SET "interaction_count" = t."interaction_count" + d.n,
        "transferred_interaction_count" = t."transferred_interaction_count" + d.x
      FROM (SELECT "ticket_id", sum(n)::INT AS n, sum(x)::INT AS x FROM (
              SELECT "ticket_id", 1 AS n, "transferred"::INT AS x FROM new_rows
              UNION ALL SELECT "ticket_id", -1, -("transferred"::INT) FROM old_rows) moves
            GROUP BY "ticket_id" HAVING sum(n) <> 0 OR sum(x) <> 0) d
      WHERE t."id" = d."ticket_id";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "interaction_counts_insert" AFTER INSERT ON "interaction"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "deskql_interaction_counts"();
CREATE TRIGGER "interaction_counts_update" AFTER UPDATE ON "interaction"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "deskql_interaction_counts"();
CREATE TRIGGER "interaction_counts_delete" AFTER DELETE ON "interaction"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "deskql_interaction_counts"();

-- The data version: every statement that writes help-desk records moves it forward in the
-- writing transaction, so it becomes visible exactly when the write commits. Writers hold
-- its row lock until they commit, so versions follow commit order. The trigger runs BEFORE
-- the statement: a writer takes this lock before any row lock, so two writers of the same
-- records queue here instead of deadlocking on each other's rows.
INSERT INTO "data_version" ("id", "version", "changed_at") VALUES (1, 1, CURRENT_TIMESTAMP);
CREATE FUNCTION "deskql_bump_data_version"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "version" = "version" + 1, "changed_at" = clock_timestamp() WHERE "id" = 1;
  RETURN NULL;
END $$;
DO $$
DECLARE tbl TEXT;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['team', 'agent', 'customer', 'knowledge_article', 'ticket', 'interaction', 'survey_response'] LOOP
    EXECUTE format('CREATE TRIGGER "data_version_bump" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION "deskql_bump_data_version"()', tbl);
  END LOOP;
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'deskql_scoped') THEN
    GRANT SELECT ON "data_version" TO deskql_scoped;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN NULL;
END $$;
