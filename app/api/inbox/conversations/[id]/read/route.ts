// POST /api/inbox/conversations/[id]/read — mark the conversation read for the team (unread badge to 0),
// and, after answering, tell the customer we saw their messages (where the channel and setting allow).
import { after } from "next/server";
import { withUser } from "@/lib/api/handler";
import { tellCustomerSeen } from "@/lib/customer-signals/tell-customer-seen";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { markRead } from "@/lib/inbox/mark-read";

export const POST = withUser<{ id: string }>(async ({ params, user }) => {
  await assertConversationVisible(user, params.id);
  const { unreadCount, wasUnread } = await markRead(params.id);
  if (wasUnread) after(() => tellCustomerSeen(params.id));
  return Response.json({ unreadCount });
});
