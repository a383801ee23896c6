// Instagram Messaging endpoints: send, user profile, conversations and the business account itself.
import { createHash } from "node:crypto";
import { newInstagramMid } from "../meta-sim/ids";
import type { FakeState, StoredConversation } from "./fake-state";
import { generateProfile } from "./generated-profile";
import { invalidParameterError, unknownObjectError } from "./graph-errors";
import { fail, ok, pickFields, type GraphReply } from "./graph-reply";
import { describeIssue, parseInstagramSend } from "./send-schemas";

function resolveAccount(state: FakeState, accountId: string): string {
  return accountId === "me" ? state.instagramAccountId : accountId;
}

export async function sendInstagramMessage(state: FakeState, accountId: string, body: unknown): Promise<GraphReply> {
  const parsed = parseInstagramSend(body);
  if (!parsed.success) return fail(invalidParameterError(describeIssue(parsed.error.issues[0])));
  const recipientId = parsed.data.recipient.id;
  if ("sender_action" in parsed.data) return ok({ recipient_id: recipientId });
  const url = parsed.data.message.attachment?.payload.url;
  if (url && !(await fetchAttachment(state, url))) return fail(attachmentFetchError());
  return ok({ recipient_id: recipientId, message_id: newInstagramMid(resolveAccount(state, accountId)) });
}

const ATTACHMENT_FETCH_TIMEOUT_MS = 10_000;

/** Meta downloads an attachment sent by URL before it accepts the message; so does the fake. */
async function fetchAttachment(state: FakeState, url: string): Promise<boolean> {
  let status = 0;
  let contentType: string | null = null;
  let bytes = Buffer.alloc(0);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(ATTACHMENT_FETCH_TIMEOUT_MS), redirect: "follow" });
    status = response.status;
    contentType = response.headers.get("content-type");
    bytes = Buffer.from(await response.arrayBuffer());
  } catch {
    status = 0;
  }
  state.recordFetch({ url, status, contentType, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), time: new Date().toISOString() });
  return status === 200 && bytes.length > 0;
}

/** What Meta answers when it cannot download the attachment URL. */
function attachmentFetchError() {
  return {
    status: 400,
    body: { error: { message: "(#100) Upload attachment failure.", type: "OAuthException", code: 100, error_subcode: 2018047, fbtrace_id: "Afakeattachment" } },
  };
}

/** A customer's profile: seeded via setProfile, otherwise derived from the IGSID. */
export function instagramProfile(state: FakeState, id: string, fields: string | null, baseUrl: string): GraphReply {
  const seeded = state.profiles.get(id);
  if (seeded === null || (seeded === undefined && !/^\d{6,}$/.test(id))) return fail(unknownObjectError(id));
  const profile = seeded
    ? { id, name: seeded.name, username: seeded.username, profile_pic: seeded.profile_pic ?? `${baseUrl}/cdn/avatar/${id}.png` }
    : generateProfile(id, baseUrl);
  return ok(pickFields(profile, fields));
}

export function instagramAccount(state: FakeState, accountId: string, fields: string | null, baseUrl: string): GraphReply {
  const id = resolveAccount(state, accountId);
  const account = {
    id,
    username: "demo.furniture",
    name: "Demo Furniture Co",
    user_id: id,
    account_type: "BUSINESS",
    profile_picture_url: `${baseUrl}/cdn/avatar/${id}.png`,
    followers_count: 1280,
    media_count: 86,
  };
  return ok(pickFields(account, fields, ["name", "username"]));
}

// Graph's time format: ISO seconds with a "+0000" offset.
function graphTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "+0000");
}

function attachmentData(attachment: { type: string; url: string }) {
  if (attachment.type === "image") return { mime_type: "image/jpeg", image_data: { url: attachment.url, preview_url: attachment.url, width: 1080, height: 1080 } };
  if (attachment.type === "video") return { mime_type: "video/mp4", video_data: { url: attachment.url, preview_url: attachment.url } };
  return { mime_type: attachment.type === "audio" ? "audio/mpeg" : "application/octet-stream", file_url: attachment.url };
}

export function formatConversation(conversation: StoredConversation, accountId: string, baseUrl: string) {
  const business = { username: conversation.accountUsername, id: accountId };
  const customer = {
    username: conversation.participant.username ?? generateProfile(conversation.participant.id, baseUrl).username,
    id: conversation.participant.id,
  };
  const messages = [...conversation.messages]
    .sort((a, b) => b.createdTime - a.createdTime)
    .map((message) => {
      const [from, to] = message.from === "business" ? [business, customer] : [customer, business];
      return {
        id: message.id,
        created_time: graphTime(message.createdTime),
        from,
        to: { data: [to] },
        message: message.text,
        ...(message.attachments ? { attachments: { data: message.attachments.map(attachmentData) } } : {}),
      };
    });
  return {
    id: conversation.id,
    updated_time: graphTime(Math.max(0, ...conversation.messages.map((message) => message.createdTime))),
    participants: { data: [business, customer] },
    messages: { data: messages },
  };
}

export function listConversations(state: FakeState, accountId: string, query: URLSearchParams, baseUrl: string): GraphReply {
  const id = resolveAccount(state, accountId);
  const platform = query.get("platform");
  const userId = query.get("user_id");
  // Without platform=instagram Graph lists the Page's Messenger threads, which the fake has none of.
  const matching =
    platform !== null && platform !== "instagram"
      ? []
      : state.conversations.filter(
          (conversation) =>
            (conversation.accountId === undefined || conversation.accountId === id) &&
            (userId === null || conversation.participant.id === userId),
        );
  const data = matching
    .map((conversation) => formatConversation(conversation, id, baseUrl))
    .sort((a, b) => b.updated_time.localeCompare(a.updated_time))
    .map((conversation) => pickFields(conversation, query.get("fields")));
  return ok({ data });
}
