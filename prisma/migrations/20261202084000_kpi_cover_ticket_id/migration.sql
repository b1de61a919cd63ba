-- The ticket covering indexes of migration kpi_covering_indexes also carry the ticket's id. The
-- business-time KPIs and SLA attainment join each ticket of their period to its row of
-- ticket_business_time (ticket_business_time.ticket_id = ticket.id); without the id in the
-- index, those statements read the whole ticket table (331 MB at 1,000,000 tickets) to find
-- it. With it, they read the narrow index as the other KPI statements do.

DROP INDEX "ticket_created_at_kpi_cover";
CREATE INDEX "ticket_created_at_kpi_cover" ON "ticket" ("created_at")
  INCLUDE ("first_response_ms", "knowledge_article_id", "assignee_id", "team_id", "channel", "priority", "category", "customer_segment",
           "customer_id", "id");

DROP INDEX "ticket_resolved_at_kpi_cover";
CREATE INDEX "ticket_resolved_at_kpi_cover" ON "ticket" ("resolved_at")
  INCLUDE ("resolution_ms", "interaction_count", "transferred_interaction_count", "reopen_count",
           "assignee_id", "team_id", "channel", "priority", "category", "customer_segment", "customer_id", "id");
