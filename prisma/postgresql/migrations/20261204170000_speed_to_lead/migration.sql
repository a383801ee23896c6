-- Derived from prisma/migrations/20261204170000_speed_to_lead by `npm run db:generate-variants`.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "awayAt" TIMESTAMP(3),
ADD COLUMN     "lastActiveAt" TIMESTAMP(3),
ADD COLUMN     "lastAutoAssignedAt" TIMESTAMP(3),
ADD COLUMN     "notificationLevel" TEXT NOT NULL DEFAULT 'MINE_AND_UNASSIGNED',
ADD COLUMN     "notificationSound" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "autoAssignedAt" TIMESTAMP(3),
ADD COLUMN     "firstInboundAt" TIMESTAMP(3),
ADD COLUMN     "firstResponseAt" TIMESTAMP(3),
ADD COLUMN     "firstResponseById" TEXT,
ADD COLUMN     "firstResponseSeconds" INTEGER,
ADD COLUMN     "slaEscalatedAt" TIMESTAMP(3),
ADD COLUMN     "slaNotifiedAt" TIMESTAMP(3),
ADD COLUMN     "waitingSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "responseSeconds" INTEGER;

-- AlterTable
ALTER TABLE "TeamSettings" ADD COLUMN     "autoAssign" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "slaBusinessHours" JSONB,
ADD COLUMN     "slaReassign" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "slaTargetMinutes" INTEGER NOT NULL DEFAULT 15;

-- CreateIndex
CREATE INDEX "Conversation_hidden_status_waitingSince_idx" ON "Conversation"("hidden", "status", "waitingSince");

-- CreateIndex
CREATE INDEX "Conversation_firstInboundAt_idx" ON "Conversation"("firstInboundAt");

-- CreateIndex
CREATE INDEX "Message_sentById_sentAt_idx" ON "Message"("sentById", "sentAt");

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_firstResponseById_fkey" FOREIGN KEY ("firstResponseById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

