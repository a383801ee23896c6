-- Leads become people (issue 20), step 2 of 2: every contact and conversation now has its lead
-- (20261204142000_leads_people filled them in), so the columns become required and the old
-- one-contact link Lead.contactId goes.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "displayName" TEXT,
    "instagramId" TEXT,
    "instagramUsername" TEXT,
    "avatarUrl" TEXT,
    "whatsappId" TEXT,
    "bsuid" TEXT,
    "whatsappUsername" TEXT,
    "profileFetchedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "leadId" TEXT NOT NULL,
    CONSTRAINT "Contact_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Contact" ("avatarUrl", "bsuid", "channel", "createdAt", "displayName", "externalId", "id", "instagramId", "instagramUsername", "leadId", "profileFetchedAt", "updatedAt", "whatsappId", "whatsappUsername") SELECT "avatarUrl", "bsuid", "channel", "createdAt", "displayName", "externalId", "id", "instagramId", "instagramUsername", "leadId", "profileFetchedAt", "updatedAt", "whatsappId", "whatsappUsername" FROM "Contact";
DROP TABLE "Contact";
ALTER TABLE "new_Contact" RENAME TO "Contact";
CREATE INDEX "Contact_displayName_idx" ON "Contact"("displayName");
CREATE INDEX "Contact_instagramUsername_idx" ON "Contact"("instagramUsername");
CREATE INDEX "Contact_whatsappId_idx" ON "Contact"("whatsappId");
CREATE INDEX "Contact_leadId_idx" ON "Contact"("leadId");
CREATE UNIQUE INDEX "Contact_channel_externalId_key" ON "Contact"("channel", "externalId");
CREATE UNIQUE INDEX "Contact_channel_bsuid_key" ON "Contact"("channel", "bsuid");
CREATE TABLE "new_Lead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "status" TEXT NOT NULL DEFAULT 'NEW',
    "value" INTEGER,
    "currency" TEXT NOT NULL DEFAULT 'EUR',
    "lostReason" TEXT,
    "statusChangedAt" DATETIME,
    "wonAt" DATETIME,
    "ownerId" TEXT,
    "lastContactAt" DATETIME,
    "lastContactChannel" TEXT,
    "sourceKind" TEXT,
    "sourceChannel" TEXT,
    "sourceAdId" TEXT,
    "sourceHeadline" TEXT,
    "sourceUrl" TEXT,
    "sourceClickId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Lead_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Lead" ("createdAt", "currency", "id", "lastContactAt", "lastContactChannel", "lostReason", "name", "ownerId", "sourceAdId", "sourceChannel", "sourceClickId", "sourceHeadline", "sourceKind", "sourceUrl", "status", "statusChangedAt", "updatedAt", "value", "wonAt") SELECT "createdAt", "currency", "id", "lastContactAt", "lastContactChannel", "lostReason", "name", "ownerId", "sourceAdId", "sourceChannel", "sourceClickId", "sourceHeadline", "sourceKind", "sourceUrl", "status", "statusChangedAt", "updatedAt", "value", "wonAt" FROM "Lead";
DROP TABLE "Lead";
ALTER TABLE "new_Lead" RENAME TO "Lead";
CREATE INDEX "Lead_status_lastContactAt_idx" ON "Lead"("status", "lastContactAt");
CREATE INDEX "Lead_ownerId_lastContactAt_idx" ON "Lead"("ownerId", "lastContactAt");
CREATE INDEX "Lead_lastContactAt_id_idx" ON "Lead"("lastContactAt", "id");
CREATE INDEX "Lead_value_idx" ON "Lead"("value");
CREATE INDEX "Lead_createdAt_id_idx" ON "Lead"("createdAt", "id");
CREATE INDEX "Lead_sourceKind_lastContactAt_idx" ON "Lead"("sourceKind", "lastContactAt");
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Conversation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Conversation_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Conversation" ("assigneeId", "businessAccountId", "channel", "contactId", "createdAt", "externalId", "hidden", "id", "lastInboundAt", "lastMessageAt", "lastMessagePreview", "leadId", "status", "unreadCount", "updatedAt") SELECT "assigneeId", "businessAccountId", "channel", "contactId", "createdAt", "externalId", "hidden", "id", "lastInboundAt", "lastMessageAt", "lastMessagePreview", "leadId", "status", "unreadCount", "updatedAt" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
CREATE INDEX "Conversation_hidden_status_lastMessageAt_id_idx" ON "Conversation"("hidden", "status", "lastMessageAt", "id");
CREATE INDEX "Conversation_hidden_channel_status_lastMessageAt_id_idx" ON "Conversation"("hidden", "channel", "status", "lastMessageAt", "id");
CREATE INDEX "Conversation_assigneeId_status_lastMessageAt_idx" ON "Conversation"("assigneeId", "status", "lastMessageAt");
CREATE INDEX "Conversation_unreadCount_idx" ON "Conversation"("unreadCount");
CREATE INDEX "Conversation_contactId_idx" ON "Conversation"("contactId");
CREATE INDEX "Conversation_leadId_idx" ON "Conversation"("leadId");
CREATE INDEX "Conversation_hidden_status_channel_unreadCount_idx" ON "Conversation"("hidden", "status", "channel", "unreadCount");
CREATE UNIQUE INDEX "Conversation_channel_contactId_businessAccountId_key" ON "Conversation"("channel", "contactId", "businessAccountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Rebuilding "Contact" dropped its search triggers and renumbered its rows
-- (20261201200000_conversation_search): recreate them and rebuild its index.
CREATE TRIGGER "Contact_search_insert" AFTER INSERT ON "Contact" BEGIN
  INSERT INTO "ContactSearch"(rowid, "displayName", "instagramUsername", "whatsappId") VALUES (new.rowid, new."displayName", new."instagramUsername", new."whatsappId");
END;
CREATE TRIGGER "Contact_search_delete" AFTER DELETE ON "Contact" BEGIN
  INSERT INTO "ContactSearch"("ContactSearch", rowid, "displayName", "instagramUsername", "whatsappId") VALUES ('delete', old.rowid, old."displayName", old."instagramUsername", old."whatsappId");
END;
CREATE TRIGGER "Contact_search_update" AFTER UPDATE OF "displayName", "instagramUsername", "whatsappId" ON "Contact" BEGIN
  INSERT INTO "ContactSearch"("ContactSearch", rowid, "displayName", "instagramUsername", "whatsappId") VALUES ('delete', old.rowid, old."displayName", old."instagramUsername", old."whatsappId");
  INSERT INTO "ContactSearch"(rowid, "displayName", "instagramUsername", "whatsappId") VALUES (new.rowid, new."displayName", new."instagramUsername", new."whatsappId");
END;

INSERT INTO "ContactSearch"("ContactSearch") VALUES ('rebuild');
