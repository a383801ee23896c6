-- CreateIndex
CREATE INDEX "Conversation_hidden_lastMessageAt_id_idx" ON "Conversation"("hidden", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_hidden_channel_lastMessageAt_id_idx" ON "Conversation"("hidden", "channel", "lastMessageAt", "id");


-- Search folds accents as well as case ("joão" finds "Joao", "JOAO" finds "João"): the trigram
-- indexes are made again with remove_diacritics (SQLite 3.45+). Same external content and names,
-- so the triggers of 20261201200000_conversation_search keep them in step unchanged.
DROP TABLE "MessageSearch";
CREATE VIRTUAL TABLE "MessageSearch" USING fts5("text", content='Message', content_rowid='rowid', tokenize='trigram remove_diacritics 1');
DROP TABLE "ContactSearch";
CREATE VIRTUAL TABLE "ContactSearch" USING fts5("displayName", "instagramUsername", "whatsappId", content='Contact', content_rowid='rowid', tokenize='trigram remove_diacritics 1');
INSERT INTO "MessageSearch"("MessageSearch") VALUES ('rebuild');
INSERT INTO "ContactSearch"("ContactSearch") VALUES ('rebuild');
