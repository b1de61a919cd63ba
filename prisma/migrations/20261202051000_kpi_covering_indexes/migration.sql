-- Covering indexes for the KPI statements (docs/kpi-facts.md, "Narrow reads"). A KPI statement
-- reads a handful of columns of every ticket or interaction in its period; from the table it
-- reads whole rows (subject, external id, …), about 340 bytes a ticket. These indexes hold the
-- placing timestamp and exactly the columns the statements read, so PostgreSQL answers them
-- with index-only scans over a structure four to five times narrower.
--
-- Prisma's schema cannot express INCLUDE columns, so these indexes live in migrations only; the
-- drift check (server/db/migration-diff.ts) knows indexes named *_kpi_cover are meant to be there.
-- survey_response rows are narrow already: scanned whole.

CREATE INDEX "ticket_created_at_kpi_cover" ON "ticket" ("created_at")
  INCLUDE ("first_response_ms", "knowledge_article_id", "assignee_id", "team_id", "channel", "priority", "category", "customer_segment", "customer_id");

CREATE INDEX "ticket_resolved_at_kpi_cover" ON "ticket" ("resolved_at")
  INCLUDE ("resolution_ms", "interaction_count", "transferred_interaction_count", "reopen_count",
           "assignee_id", "team_id", "channel", "priority", "category", "customer_segment", "customer_id");

CREATE INDEX "interaction_started_at_kpi_cover" ON "interaction" ("started_at")
  INCLUDE ("handle_seconds", "talk_seconds", "hold_seconds", "wrap_up_seconds", "agent_id", "agent_team_id",
           "ticket_channel", "ticket_priority", "ticket_category", "customer_segment", "ticket_customer_id");
