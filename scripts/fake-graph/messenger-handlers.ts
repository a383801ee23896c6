// Messenger Platform endpoints on a Facebook Page: the Page itself, a customer's profile by PSID,
// and the Send API (messages and sender actions).
import { newMessengerMid } from "../meta-sim/messenger-payloads";
import type { FakeState } from "./fake-state";
import { generateProfile } from "./generated-profile";
import { invalidParameterError, unknownObjectError } from "./graph-errors";
import { fail, ok, pickFields, type GraphReply } from "./graph-reply";
import { describeIssue, parseMessengerSend } from "./send-schemas";

export { DEMO_PAGE_ID, DEMO_PAGE_TOKEN } from "../meta-sim/messenger-payloads";

export function messengerPage(pageId: string, fields: string | null): GraphReply {
  return ok(pickFields({ id: pageId, name: "Demo Furniture Co", category: "Furniture Store" }, fields, ["name"]));
}

/** `GET /{psid}?fields=first_name,last_name,profile_pic`: seeded via setProfile (name split at the first space), else derived from the PSID. */
export function messengerProfile(state: FakeState, psid: string, fields: string | null, baseUrl: string): GraphReply {
  const seeded = state.profiles.get(psid);
  if (seeded === null || (seeded === undefined && !/^\d{6,}$/.test(psid))) return fail(unknownObjectError(psid));
  const name = seeded?.name ?? generateProfile(psid, baseUrl).name;
  const [first, ...rest] = name.split(" ");
  const profile = { id: psid, first_name: first, last_name: rest.join(" "), profile_pic: seeded?.profile_pic ?? `${baseUrl}/cdn/avatar/${psid}.png` };
  return ok(pickFields(profile, fields));
}

/** `POST /{page-id}/messages`: validated as Meta does (text up to 2,000 characters, HUMAN_AGENT needs MESSAGE_TAG). */
export function sendMessengerMessage(body: unknown): GraphReply {
  const parsed = parseMessengerSend(body);
  if (!parsed.success) return fail(invalidParameterError(describeIssue(parsed.error.issues[0])));
  const recipientId = parsed.data.recipient.id;
  if ("sender_action" in parsed.data) return ok({ recipient_id: recipientId });
  return ok({ recipient_id: recipientId, message_id: newMessengerMid() });
}
