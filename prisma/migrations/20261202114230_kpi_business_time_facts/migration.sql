-- AlterTable
ALTER TABLE "ticket_business_time" ADD COLUMN     "assignee_id" INTEGER,
ADD COLUMN     "category" TEXT,
ADD COLUMN     "channel" "channel",
ADD COLUMN     "created_at" TIMESTAMPTZ(3),
ADD COLUMN     "customer_id" INTEGER,
ADD COLUMN     "customer_segment" TEXT,
ADD COLUMN     "priority" "priority",
ADD COLUMN     "resolved_at" TIMESTAMPTZ(3),
ADD COLUMN     "team_id" INTEGER;

-- Business-time and SLA KPIs joined every ticket of their period to its ticket_business_time
-- row (a year of a million tickets: a hash join of a million rows per statement). The ticket's
-- timestamps and dimensions are now copied onto the row at write time, like the facts of
-- migration kpi_facts: these KPIs read this one table.
UPDATE "ticket_business_time" b SET
  "created_at" = t."created_at", "resolved_at" = t."resolved_at", "assignee_id" = t."assignee_id", "team_id" = t."team_id",
  "channel" = t."channel", "priority" = t."priority", "category" = t."category", "customer_segment" = t."customer_segment",
  "customer_id" = t."customer_id"
FROM "ticket" t WHERE t."id" = b."ticket_id";

CREATE FUNCTION "deskql_business_time_facts"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  SELECT t."created_at", t."resolved_at", t."assignee_id", t."team_id", t."channel", t."priority", t."category",
         t."customer_segment", t."customer_id"
    INTO NEW."created_at", NEW."resolved_at", NEW."assignee_id", NEW."team_id", NEW."channel", NEW."priority", NEW."category",
         NEW."customer_segment", NEW."customer_id"
    FROM "ticket" t WHERE t."id" = NEW."ticket_id";
  RETURN NEW;
END $$;
CREATE TRIGGER "business_time_facts" BEFORE INSERT OR UPDATE ON "ticket_business_time"
  FOR EACH ROW EXECUTE FUNCTION "deskql_business_time_facts"();

-- A ticket's timestamps or dimensions changed (its segment included, which a customer's new
-- segment reaches through migration kpi_facts): its business-time row copies them again.
CREATE FUNCTION "deskql_ticket_business_time_propagate"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ticket_business_time" SET "ticket_id" = "ticket_id" WHERE "ticket_id" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "ticket_business_time_propagate" AFTER UPDATE ON "ticket" FOR EACH ROW
  WHEN (OLD."created_at" IS DISTINCT FROM NEW."created_at" OR OLD."resolved_at" IS DISTINCT FROM NEW."resolved_at"
     OR OLD."assignee_id" IS DISTINCT FROM NEW."assignee_id" OR OLD."team_id" IS DISTINCT FROM NEW."team_id"
     OR OLD."channel" IS DISTINCT FROM NEW."channel" OR OLD."priority" IS DISTINCT FROM NEW."priority"
     OR OLD."category" IS DISTINCT FROM NEW."category" OR OLD."customer_segment" IS DISTINCT FROM NEW."customer_segment"
     OR OLD."customer_id" IS DISTINCT FROM NEW."customer_id")
  EXECUTE FUNCTION "deskql_ticket_business_time_propagate"();

-- What the business-time and SLA statements read, by placing timestamp (named *_kpi_cover:
-- Prisma's schema cannot express INCLUDE, migration-diff.ts).
CREATE INDEX "ticket_business_time_created_at_kpi_cover" ON "ticket_business_time" ("created_at")
  INCLUDE ("first_response_seconds", "first_response_sla_target", "first_response_sla_met", "first_response_sla_breach_at",
           "resolution_sla_target", "resolution_sla_met", "resolution_sla_breach_at",
           "assignee_id", "team_id", "channel", "priority", "category", "customer_segment", "customer_id");
CREATE INDEX "ticket_business_time_resolved_at_kpi_cover" ON "ticket_business_time" ("resolved_at")
  INCLUDE ("resolution_seconds", "assignee_id", "team_id", "channel", "priority", "category", "customer_segment", "customer_id");
