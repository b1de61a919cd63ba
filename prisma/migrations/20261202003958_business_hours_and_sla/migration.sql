-- AlterTable
ALTER TABLE "team" ADD COLUMN     "business_calendar_id" INTEGER;

-- CreateTable
CREATE TABLE "business_calendar" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "weekly_hours" JSONB NOT NULL,
    "holidays" JSONB NOT NULL,

    CONSTRAINT "business_calendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_policy" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priority" "priority" NOT NULL,
    "first_response_target_seconds" INTEGER,
    "resolution_target_seconds" INTEGER,
    "business_hours" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "sla_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_business_time" (
    "ticket_id" INTEGER NOT NULL,
    "calendar_id" INTEGER,
    "first_response_seconds" DOUBLE PRECISION,
    "resolution_seconds" DOUBLE PRECISION,
    "first_response_sla_target" INTEGER,
    "first_response_sla_met" BOOLEAN,
    "first_response_sla_breach_at" TIMESTAMPTZ(3),
    "resolution_sla_target" INTEGER,
    "resolution_sla_met" BOOLEAN,
    "resolution_sla_breach_at" TIMESTAMPTZ(3),

    CONSTRAINT "ticket_business_time_pkey" PRIMARY KEY ("ticket_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "business_calendar_external_id_key" ON "business_calendar"("external_id");

-- CreateIndex
CREATE INDEX "business_calendar_is_default_idx" ON "business_calendar"("is_default");

-- CreateIndex
CREATE UNIQUE INDEX "sla_policy_external_id_key" ON "sla_policy"("external_id");

-- CreateIndex
CREATE INDEX "sla_policy_priority_idx" ON "sla_policy"("priority");

-- CreateIndex
CREATE INDEX "team_business_calendar_id_idx" ON "team"("business_calendar_id");

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_business_calendar_id_fkey" FOREIGN KEY ("business_calendar_id") REFERENCES "business_calendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_business_time" ADD CONSTRAINT "ticket_business_time_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Targets are positive; business seconds never negative (kpi-spec "Service-level targets").
ALTER TABLE "sla_policy" ADD CONSTRAINT "sla_policy_targets_positive"
  CHECK (("first_response_target_seconds" IS NULL OR "first_response_target_seconds" > 0)
     AND ("resolution_target_seconds" IS NULL OR "resolution_target_seconds" > 0));
ALTER TABLE "ticket_business_time" ADD CONSTRAINT "ticket_business_time_seconds_non_negative"
  CHECK (("first_response_seconds" IS NULL OR "first_response_seconds" >= 0)
     AND ("resolution_seconds" IS NULL OR "resolution_seconds" >= 0));

-- Team-restricted keys: calendars and policies are configuration (no personal data), readable
-- by all; a ticket's business time is visible exactly when the ticket is.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'deskql_scoped') THEN
    GRANT SELECT ON "business_calendar", "sla_policy", "ticket_business_time" TO deskql_scoped;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN NULL;
END $$;

ALTER TABLE "ticket_business_time" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ticket_business_time" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ticket_business_time_of_visible_ticket" ON "ticket_business_time"
  USING ((SELECT deskql_scope_teams()) IS NULL OR "ticket_id" IN (SELECT "id" FROM "ticket"));
