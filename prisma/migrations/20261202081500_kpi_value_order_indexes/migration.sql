-- Value-ordered covering indexes for the duration KPIs' percentiles (docs/kpi-facts.md, "Narrow
-- reads"). A period's median and p90 of first-response, resolution and handle time sort every
-- value of the sample. These indexes hold the values in order, with the placing timestamp and
-- the few other columns the statement reads, so when a statement covers most of the table (a
-- year of every KPI, ungrouped) the planner reads them whole, in value order: the values reach
-- percentile_cont already sorted (its sort then only confirms the order), and each index entry
-- is a third as wide as the *_kpi_cover entries of migration kpi_covering_indexes, which still
-- serve shorter periods and grouped statements. Named *_kpi_cover, so the drift check leaves
-- them alone (Prisma's schema cannot express INCLUDE).

CREATE INDEX "ticket_first_response_ms_kpi_cover" ON "ticket" ("first_response_ms")
  INCLUDE ("created_at", "knowledge_article_id");

CREATE INDEX "ticket_resolution_ms_kpi_cover" ON "ticket" ("resolution_ms")
  INCLUDE ("resolved_at", "interaction_count", "transferred_interaction_count", "reopen_count");

CREATE INDEX "interaction_handle_seconds_kpi_cover" ON "interaction" ("handle_seconds")
  INCLUDE ("started_at", "talk_seconds", "hold_seconds", "wrap_up_seconds");
