-- AlterTable
ALTER TABLE "Message" ADD COLUMN "responseSeconds" INTEGER;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'AGENT',
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "disabledAt" DATETIME,
    "totpSecret" TEXT,
    "totpPendingSecret" TEXT,
    "totpEnabledAt" DATETIME,
    "totpLastStep" INTEGER,
    "awayAt" DATETIME,
    "lastActiveAt" DATETIME,
    "lastAutoAssignedAt" DATETIME,
    "notificationLevel" TEXT NOT NULL DEFAULT 'MINE_AND_UNASSIGNED',
    "notificationSound" BOOLEAN NOT NULL DEFAULT true
);
INSERT INTO "new_User" ("createdAt", "disabledAt", "email", "id", "name", "passwordHash", "role", "sessionVersion", "totpEnabledAt", "totpLastStep", "totpPendingSecret", "totpSecret", "updatedAt") SELECT "createdAt", "disabledAt", "email", "id", "name", "passwordHash", "role", "sessionVersion", "totpEnabledAt", "totpLastStep", "totpPendingSecret", "totpSecret", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "externalId" TEXT,
    "businessAccountId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "assigneeId" TEXT,
    "unreadCount" INTEGER NOT NULL DEFAULT 0,
    "lastMessageAt" DATETIME,
    "lastMessagePreview" TEXT,
    "lastInboundAt" DATETIME,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "snoozedUntil" DATETIME,
    "awayMessageSentAt" DATETIME,
    "waitingSince" DATETIME,
    "firstInboundAt" DATETIME,
    "firstResponseAt" DATETIME,
    "firstResponseSeconds" INTEGER,
    "firstResponseById" TEXT,
    "slaNotifiedAt" DATETIME,
    "slaEscalatedAt" DATETIME,
    "autoAssignedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Conversation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Conversation_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Conversation_firstResponseById_fkey" FOREIGN KEY ("firstResponseById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Conversation" ("assigneeId", "awayMessageSentAt", "businessAccountId", "channel", "contactId", "createdAt", "externalId", "hidden", "id", "lastInboundAt", "lastMessageAt", "lastMessagePreview", "leadId", "snoozedUntil", "status", "unreadCount", "updatedAt") SELECT "assigneeId", "awayMessageSentAt", "businessAccountId", "channel", "contactId", "createdAt", "externalId", "hidden", "id", "lastInboundAt", "lastMessageAt", "lastMessagePreview", "leadId", "snoozedUntil", "status", "unreadCount", "updatedAt" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
CREATE INDEX "Conversation_hidden_status_lastMessageAt_id_idx" ON "Conversation"("hidden", "status", "lastMessageAt", "id");
CREATE INDEX "Conversation_hidden_channel_status_lastMessageAt_id_idx" ON "Conversation"("hidden", "channel", "status", "lastMessageAt", "id");
CREATE INDEX "Conversation_hidden_lastMessageAt_id_idx" ON "Conversation"("hidden", "lastMessageAt", "id");
CREATE INDEX "Conversation_hidden_channel_lastMessageAt_id_idx" ON "Conversation"("hidden", "channel", "lastMessageAt", "id");
CREATE INDEX "Conversation_assigneeId_status_lastMessageAt_idx" ON "Conversation"("assigneeId", "status", "lastMessageAt");
CREATE INDEX "Conversation_unreadCount_idx" ON "Conversation"("unreadCount");
CREATE INDEX "Conversation_contactId_idx" ON "Conversation"("contactId");
CREATE INDEX "Conversation_leadId_idx" ON "Conversation"("leadId");
CREATE INDEX "Conversation_hidden_status_channel_unreadCount_idx" ON "Conversation"("hidden", "status", "channel", "unreadCount");
CREATE INDEX "Conversation_status_snoozedUntil_idx" ON "Conversation"("status", "snoozedUntil");
CREATE INDEX "Conversation_hidden_status_waitingSince_idx" ON "Conversation"("hidden", "status", "waitingSince");
CREATE INDEX "Conversation_firstInboundAt_idx" ON "Conversation"("firstInboundAt");
CREATE UNIQUE INDEX "Conversation_channel_contactId_businessAccountId_key" ON "Conversation"("channel", "contactId", "businessAccountId");
CREATE TABLE "new_TeamSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'team',
    "agentVisibility" TEXT NOT NULL DEFAULT 'ALL',
    "defaultCurrency" TEXT NOT NULL DEFAULT 'EUR',
    "slaTargetMinutes" INTEGER NOT NULL DEFAULT 15,
    "slaBusinessHours" JSONB,
    "slaReassign" BOOLEAN NOT NULL DEFAULT false,
    "autoAssign" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_TeamSettings" ("agentVisibility", "defaultCurrency", "id") SELECT "agentVisibility", "defaultCurrency", "id" FROM "TeamSettings";
DROP TABLE "TeamSettings";
ALTER TABLE "new_TeamSettings" RENAME TO "TeamSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Message_sentById_sentAt_idx" ON "Message"("sentById", "sentAt");

