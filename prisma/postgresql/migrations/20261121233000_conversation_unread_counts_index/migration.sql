-- Derived from prisma/migrations/20261121233000_conversation_unread_counts_index by `npm run db:generate-variants`.

-- CreateIndex
CREATE INDEX "Conversation_hidden_status_channel_unreadCount_idx" ON "Conversation"("hidden", "status", "channel", "unreadCount");

