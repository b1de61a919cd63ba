-- Business calendars, SLA policies and the stored business time of tickets change KPI answers
-- too (business-time KPIs, SLA attainment): their writes move the data version like every other
-- help-desk record (migration kpi_facts), so cached answers that depend on them are not served
-- after such a write commits.
DO $$
DECLARE tbl TEXT;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['business_calendar', 'sla_policy', 'ticket_business_time'] LOOP
    EXECUTE format('CREATE TRIGGER "data_version_bump" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION "deskql_bump_data_version"()', tbl);
  END LOOP;
END $$;
