-- CreateIndex
CREATE INDEX "Conversation_contactId_idx" ON "Conversation"("contactId");

-- Conversation search (lib/inbox/search-conversations.ts): trigram full-text indexes over message
-- text and the contact fields people search by, so a search reads the few rows that contain the
-- query instead of every message. Raw SQL that prisma/schema.prisma cannot express; PostgreSQL
-- gets pg_trgm indexes instead (postgresql.sql next to this file).
--
-- External content: the indexes hold only trigrams; the text stays in "Message" and "Contact",
-- joined back by rowid. The triggers keep them in step with every insert, edit and delete. A later
-- migration that rebuilds either table (Prisma's "RedefineTables") drops these triggers and
-- renumbers rowids: it must recreate the triggers and end with the two 'rebuild' statements
-- (lib/inbox/search-index.test.ts fails until it does). Every row is indexed, a NULL text too
-- (as 'rebuild' does), so FTS5's 'integrity-check' can compare index and table.

CREATE VIRTUAL TABLE "MessageSearch" USING fts5("text", content='Message', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "Message_search_insert" AFTER INSERT ON "Message" BEGIN
  INSERT INTO "MessageSearch"(rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "Message_search_delete" AFTER DELETE ON "Message" BEGIN
  INSERT INTO "MessageSearch"("MessageSearch", rowid, "text") VALUES ('delete', old.rowid, old."text");
END;
CREATE TRIGGER "Message_search_update" AFTER UPDATE OF "text" ON "Message" BEGIN
  INSERT INTO "MessageSearch"("MessageSearch", rowid, "text") VALUES ('delete', old.rowid, old."text");
  INSERT INTO "MessageSearch"(rowid, "text") VALUES (new.rowid, new."text");
END;

CREATE VIRTUAL TABLE "ContactSearch" USING fts5("displayName", "instagramUsername", "whatsappId", content='Contact', content_rowid='rowid', tokenize='trigram');

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

-- Rows written before this migration.
INSERT INTO "MessageSearch"("MessageSearch") VALUES ('rebuild');
INSERT INTO "ContactSearch"("ContactSearch") VALUES ('rebuild');
