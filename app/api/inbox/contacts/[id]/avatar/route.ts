// GET /api/inbox/contacts/[id]/avatar — the contact's profile picture, from the app's own origin
// (404 when there is none or it can't be fetched; the avatar then shows initials).
import { withUser } from "@/lib/api/handler";
import { assertContactVisible } from "@/lib/leads/visibility";
import { contactAvatar } from "@/lib/inbox/contact-avatar";

export const GET = withUser<{ id: string }>(async ({ params, user }) => {
  await assertContactVisible(user, params.id);
  return contactAvatar(params.id);
});
