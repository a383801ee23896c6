-- CreateIndex
CREATE INDEX "Conversation_hidden_status_unreadCount_channel_idx" ON "Conversation"("hidden", "status", "unreadCount", "channel");
