-- Derived from prisma/migrations/20261204142000_leads_people by `npm run db:generate-variants`.

-- DropIndex
DROP INDEX "Lead_status_idx";

-- DropIndex
DROP INDEX "Lead_ownerId_idx";

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "bsuid" TEXT,
ADD COLUMN     "leadId" TEXT,
ADD COLUMN     "whatsappUsername" TEXT;

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'EUR',
ADD COLUMN     "lostReason" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "sourceAdId" TEXT,
ADD COLUMN     "sourceChannel" "Channel",
ADD COLUMN     "sourceClickId" TEXT,
ADD COLUMN     "sourceHeadline" TEXT,
ADD COLUMN     "sourceKind" TEXT,
ADD COLUMN     "sourceUrl" TEXT,
ADD COLUMN     "statusChangedAt" TIMESTAMP(3),
ADD COLUMN     "value" INTEGER,
ADD COLUMN     "wonAt" TIMESTAMP(3),
ALTER COLUMN "contactId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "leadId" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "referral" JSONB;

-- CreateTable
CREATE TABLE "TeamSettings" (
    "id" TEXT NOT NULL DEFAULT 'team',
    "agentVisibility" TEXT NOT NULL DEFAULT 'ALL',
    "defaultCurrency" TEXT NOT NULL DEFAULT 'EUR',

    CONSTRAINT "TeamSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contact_leadId_idx" ON "Contact"("leadId");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_channel_bsuid_key" ON "Contact"("channel", "bsuid");

-- CreateIndex
CREATE INDEX "Lead_status_lastContactAt_idx" ON "Lead"("status", "lastContactAt");

-- CreateIndex
CREATE INDEX "Lead_ownerId_lastContactAt_idx" ON "Lead"("ownerId", "lastContactAt");

-- CreateIndex
CREATE INDEX "Lead_lastContactAt_id_idx" ON "Lead"("lastContactAt", "id");

-- CreateIndex
CREATE INDEX "Lead_value_idx" ON "Lead"("value");

-- CreateIndex
CREATE INDEX "Lead_createdAt_id_idx" ON "Lead"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Lead_sourceKind_lastContactAt_idx" ON "Lead"("sourceKind", "lastContactAt");

-- CreateIndex
CREATE INDEX "Conversation_leadId_idx" ON "Conversation"("leadId");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- From prisma/migrations/20261204142000_leads_people/postgresql.sql:
-- Data only: every contact keeps its lead, each conversation takes its contact's (see the SQLite migration.sql).
INSERT INTO "Lead" ("id", "contactId", "status", "createdAt", "updatedAt")
SELECT 'lead_' || c."id", c."id", 'NEW', c."createdAt", c."createdAt" FROM "Contact" c
WHERE NOT EXISTS (SELECT 1 FROM "Lead" l WHERE l."contactId" = c."id");
UPDATE "Contact" c SET "leadId" = l."id" FROM "Lead" l WHERE l."contactId" = c."id";
UPDATE "Conversation" v SET "leadId" = c."leadId" FROM "Contact" c WHERE c."id" = v."contactId";
