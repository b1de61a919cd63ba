-- CreateTable
CREATE TABLE "api_key" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "team_ids" INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_bucket" (
    "subject" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_bucket_pkey" PRIMARY KEY ("subject")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_key_hash_key" ON "api_key"("hash");

-- Row-level security: a team-restricted API key sees only its teams' tickets, the
-- interactions and survey responses on those tickets, and the customers of those tickets.
-- The server marks a restricted statement by setting deskql.scope_teams (a comma-separated
-- list of team ids) for its transaction; statements without it see every row. The database
-- enforces this for every statement, so no resolver, KPI query or relation can forget it.
--
-- Superusers and roles with BYPASSRLS ignore policies, so restricted statements switch to
-- the role deskql_scoped, which may only read. Creating a role needs CREATEROLE: where the
-- migrating user lacks it, no role is made, and the server (connected as a non-superuser
-- owner, for which FORCE ROW LEVEL SECURITY applies) needs none.
DO $$
BEGIN
  CREATE ROLE deskql_scoped NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation OR insufficient_privilege THEN NULL;
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'deskql_scoped') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO deskql_scoped', current_schema());
    GRANT SELECT ON "team", "agent", "customer", "knowledge_article", "ticket", "interaction", "survey_response" TO deskql_scoped;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN NULL;
END $$;

-- The teams of the current statement's scope; NULL when it is not restricted. Written as a
-- scalar subquery in the policies so PostgreSQL evaluates it once per statement, not per row.
CREATE FUNCTION "deskql_scope_teams"() RETURNS INTEGER[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(nullif(current_setting('deskql.scope_teams', true), ''), ',')::INTEGER[]
$$;

ALTER TABLE "ticket" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ticket" FORCE ROW LEVEL SECURITY;
CREATE POLICY "ticket_of_scope_teams" ON "ticket"
  USING ((SELECT deskql_scope_teams()) IS NULL OR "team_id" = ANY ((SELECT deskql_scope_teams())::INTEGER[]));

ALTER TABLE "interaction" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "interaction" FORCE ROW LEVEL SECURITY;
CREATE POLICY "interaction_on_visible_ticket" ON "interaction"
  USING ((SELECT deskql_scope_teams()) IS NULL OR "ticket_id" IN (SELECT "id" FROM "ticket"));

ALTER TABLE "survey_response" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "survey_response" FORCE ROW LEVEL SECURITY;
CREATE POLICY "survey_response_on_visible_ticket" ON "survey_response"
  USING ((SELECT deskql_scope_teams()) IS NULL OR "ticket_id" IN (SELECT "id" FROM "ticket"));

ALTER TABLE "customer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "customer" FORCE ROW LEVEL SECURITY;
CREATE POLICY "customer_with_visible_ticket" ON "customer"
  USING ((SELECT deskql_scope_teams()) IS NULL OR "id" IN (SELECT "customer_id" FROM "ticket"));
