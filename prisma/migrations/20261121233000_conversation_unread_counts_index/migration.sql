-- CreateIndex
CREATE INDEX "Conversation_hidden_status_channel_unreadCount_idx" ON "Conversation"("hidden", "status", "channel", "unreadCount");
