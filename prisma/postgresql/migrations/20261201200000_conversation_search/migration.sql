-- Derived from prisma/migrations/20261201200000_conversation_search by `npm run db:generate-variants`.

-- CreateIndex
CREATE INDEX "Conversation_contactId_idx" ON "Conversation"("contactId");

-- From prisma/migrations/20261201200000_conversation_search/postgresql.sql:
-- Conversation search (lib/inbox/search-conversations.ts): pg_trgm GIN indexes, so `ILIKE '%q%'`
-- on message text and the contact fields people search by reads the rows that contain the query's
-- trigrams instead of every row. Maintained by PostgreSQL itself: no triggers. pg_trgm ships with
-- the server (postgresql-contrib) and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Message_text_trgm_idx" ON "Message" USING gin ("text" gin_trgm_ops);
CREATE INDEX "Contact_displayName_trgm_idx" ON "Contact" USING gin ("displayName" gin_trgm_ops);
CREATE INDEX "Contact_instagramUsername_trgm_idx" ON "Contact" USING gin ("instagramUsername" gin_trgm_ops);
CREATE INDEX "Contact_whatsappId_trgm_idx" ON "Contact" USING gin ("whatsappId" gin_trgm_ops);
