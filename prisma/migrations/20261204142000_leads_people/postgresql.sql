-- Data only: every contact keeps its lead, each conversation takes its contact's (see the SQLite migration.sql).
INSERT INTO "Lead" ("id", "contactId", "status", "createdAt", "updatedAt")
SELECT 'lead_' || c."id", c."id", 'NEW', c."createdAt", c."createdAt" FROM "Contact" c
WHERE NOT EXISTS (SELECT 1 FROM "Lead" l WHERE l."contactId" = c."id");
UPDATE "Contact" c SET "leadId" = l."id" FROM "Lead" l WHERE l."contactId" = c."id";
UPDATE "Conversation" v SET "leadId" = c."leadId" FROM "Contact" c WHERE c."id" = v."contactId";
