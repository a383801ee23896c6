-- Derived from prisma/migrations/20261204183800_reports_indexes by `npm run db:generate-variants`.

-- DropIndex
DROP INDEX "Conversation_firstInboundAt_idx";

-- DropIndex
DROP INDEX "Message_sentById_sentAt_idx";

-- CreateIndex
CREATE INDEX "Lead_reports_created_idx" ON "Lead"("createdAt", "status", "currency", "value", "ownerId", "sourceChannel");

-- CreateIndex
CREATE INDEX "Lead_reports_won_idx" ON "Lead"("wonAt", "status", "currency", "value", "ownerId", "sourceChannel");

-- CreateIndex
CREATE INDEX "Conversation_reports_started_idx" ON "Conversation"("firstInboundAt", "channel", "firstResponseSeconds", "firstResponseById", "assigneeId");

-- CreateIndex
CREATE INDEX "Message_reports_replies_idx" ON "Message"("sentById", "sentAt", "type", "channel", "conversationId");

