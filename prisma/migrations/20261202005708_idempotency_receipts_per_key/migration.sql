-- Receipts become per API key, expire after 24 hours and keep their answer encrypted. The old
-- receipts were shared by every key (so unattributable) and live for a retry window only:
-- they are dropped, not moved.
-- DropTable
DROP TABLE "mutation_receipt";

-- CreateTable
CREATE TABLE "idempotency_receipt" (
    "owner" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_receipt_pkey" PRIMARY KEY ("owner","key_hash")
);

-- CreateIndex
CREATE INDEX "idempotency_receipt_created_at_idx" ON "idempotency_receipt"("created_at");
