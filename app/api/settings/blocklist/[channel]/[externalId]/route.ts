// DELETE /api/settings/blocklist/{channel}/{externalId} — unblock; the person's conversations return to the inbox.
import { ApiError } from "@/lib/api/errors";
import { withAdmin } from "@/lib/api/handler";
import { validate } from "@/lib/api/parse";
import { unblockContact } from "@/lib/inbox/blocklist";
import { blockChannelSchema } from "@/lib/validations/settings";

export const DELETE = withAdmin<{ channel: string; externalId: string }>(async ({ params, user }) => {
  const channel = validate(blockChannelSchema, params.channel, "channel");
  const removed = await unblockContact({ channel, externalId: params.externalId, actorId: user.id });
  if (!removed) throw new ApiError({ code: "NOT_FOUND", message: "That contact is not on the blocklist" });
  return Response.json({ removed: true });
});
