-- CreateEnum
CREATE TYPE "channel" AS ENUM ('EMAIL', 'CHAT', 'PHONE', 'WEB', 'SOCIAL');

-- CreateEnum
CREATE TYPE "priority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "ticket_status" AS ENUM ('NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'SOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "survey_kind" AS ENUM ('CSAT', 'NPS', 'CES');

-- CreateTable
CREATE TABLE "team" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agent" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "team_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "segment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "churned_at" TIMESTAMPTZ(3),

    CONSTRAINT "customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge_article" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,

    CONSTRAINT "knowledge_article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "channel" "channel" NOT NULL,
    "priority" "priority" NOT NULL,
    "category" TEXT,
    "status" "ticket_status" NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "assignee_id" INTEGER,
    "team_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "first_response_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "reopen_count" INTEGER NOT NULL DEFAULT 0,
    "knowledge_article_id" INTEGER,

    CONSTRAINT "ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interaction" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "agent_id" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "talk_seconds" INTEGER NOT NULL,
    "hold_seconds" INTEGER NOT NULL,
    "wrap_up_seconds" INTEGER NOT NULL,
    "transferred" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "interaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "survey_response" (
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "kind" "survey_kind" NOT NULL,
    "score" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "ticket_id" INTEGER,
    "responded_at" TIMESTAMPTZ(3) NOT NULL,
    "comment" TEXT,

    CONSTRAINT "survey_response_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "team_external_id_key" ON "team"("external_id");

-- CreateIndex
CREATE UNIQUE INDEX "agent_external_id_key" ON "agent"("external_id");

-- CreateIndex
CREATE INDEX "agent_team_id_idx" ON "agent"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "customer_external_id_key" ON "customer"("external_id");

-- CreateIndex
CREATE INDEX "customer_created_at_idx" ON "customer"("created_at");

-- CreateIndex
CREATE INDEX "customer_churned_at_idx" ON "customer"("churned_at");

-- CreateIndex
CREATE INDEX "customer_segment_idx" ON "customer"("segment");

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_article_external_id_key" ON "knowledge_article"("external_id");

-- CreateIndex
CREATE UNIQUE INDEX "ticket_external_id_key" ON "ticket"("external_id");

-- CreateIndex
CREATE INDEX "ticket_created_at_id_idx" ON "ticket"("created_at", "id");

-- CreateIndex
CREATE INDEX "ticket_resolved_at_idx" ON "ticket"("resolved_at");

-- CreateIndex
CREATE INDEX "ticket_assignee_id_created_at_idx" ON "ticket"("assignee_id", "created_at");

-- CreateIndex
CREATE INDEX "ticket_team_id_created_at_idx" ON "ticket"("team_id", "created_at");

-- CreateIndex
CREATE INDEX "ticket_customer_id_created_at_idx" ON "ticket"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "ticket_knowledge_article_id_idx" ON "ticket"("knowledge_article_id");

-- CreateIndex
CREATE INDEX "ticket_status_idx" ON "ticket"("status");

-- CreateIndex
CREATE UNIQUE INDEX "interaction_external_id_key" ON "interaction"("external_id");

-- CreateIndex
CREATE INDEX "interaction_started_at_idx" ON "interaction"("started_at");

-- CreateIndex
CREATE INDEX "interaction_ticket_id_idx" ON "interaction"("ticket_id");

-- CreateIndex
CREATE INDEX "interaction_agent_id_started_at_idx" ON "interaction"("agent_id", "started_at");

-- CreateIndex
CREATE UNIQUE INDEX "survey_response_external_id_key" ON "survey_response"("external_id");

-- CreateIndex
CREATE INDEX "survey_response_kind_responded_at_idx" ON "survey_response"("kind", "responded_at");

-- CreateIndex
CREATE INDEX "survey_response_responded_at_idx" ON "survey_response"("responded_at");

-- CreateIndex
CREATE INDEX "survey_response_ticket_id_idx" ON "survey_response"("ticket_id");

-- CreateIndex
CREATE INDEX "survey_response_customer_id_responded_at_idx" ON "survey_response"("customer_id", "responded_at");

-- AddForeignKey
ALTER TABLE "agent" ADD CONSTRAINT "agent_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_knowledge_article_id_fkey" FOREIGN KEY ("knowledge_article_id") REFERENCES "knowledge_article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: rules of the KPI specification that the database itself enforces, so that no
-- writer (import, mutation, seed or a BI tool with write access) can store a record that
-- would make a KPI wrong. Prisma does not model CHECK constraints, so they live only here.
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_reopen_count_check" CHECK ("reopen_count" >= 0);
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_resolved_after_created_check" CHECK ("resolved_at" IS NULL OR "resolved_at" >= "created_at");
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_first_response_after_created_check" CHECK ("first_response_at" IS NULL OR "first_response_at" >= "created_at");
ALTER TABLE "customer" ADD CONSTRAINT "customer_churned_after_created_check" CHECK ("churned_at" IS NULL OR "churned_at" >= "created_at");
ALTER TABLE "interaction" ADD CONSTRAINT "interaction_seconds_check" CHECK ("talk_seconds" >= 0 AND "hold_seconds" >= 0 AND "wrap_up_seconds" >= 0);
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_score_check" CHECK (
  ("kind" = 'CSAT' AND "score" BETWEEN 1 AND 5) OR
  ("kind" = 'NPS' AND "score" BETWEEN 0 AND 10) OR
  ("kind" = 'CES' AND "score" BETWEEN 1 AND 7)
);
