-- Derived from prisma/migrations/20261204143000_search_all_views_folded by `npm run db:generate-variants`.

-- CreateIndex
CREATE INDEX "Conversation_hidden_lastMessageAt_id_idx" ON "Conversation"("hidden", "lastMessageAt", "id");

-- CreateIndex
CREATE INDEX "Conversation_hidden_channel_lastMessageAt_id_idx" ON "Conversation"("hidden", "channel", "lastMessageAt", "id");

-- From prisma/migrations/20261204143000_search_all_views_folded/postgresql.sql:
-- Search folds accents as well as case ("joão" finds "Joao"): lib/inbox/search-conversations.ts
-- compares inbox_fold(column) with inbox_fold(query), and the trigram indexes on message text and
-- contact names are over that same expression. unaccent ships with the server (contrib) and is a
-- trusted extension. It is STABLE (its dictionary could change); the wrapper names the dictionary
-- so it can be IMMUTABLE, as an index expression must be.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION inbox_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(unaccent('unaccent'::regdictionary, value)) $$;

DROP INDEX "Message_text_trgm_idx";
CREATE INDEX "Message_text_folded_trgm_idx" ON "Message" USING gin (inbox_fold("text") gin_trgm_ops);
DROP INDEX "Contact_displayName_trgm_idx";
CREATE INDEX "Contact_displayName_folded_trgm_idx" ON "Contact" USING gin (inbox_fold("displayName") gin_trgm_ops);
