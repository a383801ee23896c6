// POST /api/inbox/conversations/[id]/block — put the contact on the blocklist and out of the inbox.
// DELETE — undo: take them off the blocklist and bring their conversations back.
import { withUser } from "@/lib/api/handler";
import { assertConversationVisible } from "@/lib/leads/visibility";
import { blockConversationContact, unblockConversationContact } from "@/lib/inbox/blocklist";

export const POST = withUser<{ id: string }>(async ({ params, user }) => {
  await assertConversationVisible(user, params.id);
  return Response.json(await blockConversationContact(params.id, user));
}
);

export const DELETE = withUser<{ id: string }>(async ({ params, user }) => {
  await assertConversationVisible(user, params.id);
  return Response.json(await unblockConversationContact(params.id, user));
}
);
