import { z } from "zod";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "../meta/graph-client";
import { requireSetting } from "../meta/require-setting";
import type { Attachment, ChannelCredentials, MessageType, RemoteConversation, RemoteMessage } from "../types";

const userSchema = z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() });

const attachmentSchema = z.object({
  mime_type: z.string().optional(),
  name: z.string().optional(),
  image_data: z.object({ url: z.string() }).optional(),
  video_data: z.object({ url: z.string() }).optional(),
  file_url: z.string().optional(),
});

const messageSchema = z.object({
  id: z.string(),
  created_time: z.string(),
  from: userSchema,
  message: z.string().optional(),
  attachments: z.object({ data: z.array(attachmentSchema) }).optional(),
});

const conversationsSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      updated_time: z.string(),
      participants: z.object({ data: z.array(userSchema) }),
      messages: z.object({ data: z.array(messageSchema) }).optional(),
    }),
  ),
});

const FIELDS = "participants,updated_time,messages{id,from,to,message,created_time,attachments}";

// Graph writes "+0000" offsets, which not every Date parser accepts; "+00:00" is ISO 8601 proper.
function graphDate(value: string): Date {
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
}

function toAttachment(raw: z.infer<typeof attachmentSchema>): { attachment: Attachment; type: MessageType } {
  const common = { ...(raw.mime_type ? { mimeType: raw.mime_type } : {}), ...(raw.name ? { filename: raw.name } : {}) };
  if (raw.image_data) return { type: "IMAGE", attachment: { kind: "image", url: raw.image_data.url, ...common } };
  if (raw.video_data) return { type: "VIDEO", attachment: { kind: "video", url: raw.video_data.url, ...common } };
  const isAudio = raw.mime_type?.startsWith("audio/") ?? false;
  return {
    type: isAudio ? "AUDIO" : "FILE",
    attachment: { kind: isAudio ? "audio" : "file", ...(raw.file_url ? { url: raw.file_url } : {}), ...common },
  };
}

function toRemoteMessage(raw: z.infer<typeof messageSchema>, customerId: string): RemoteMessage {
  const parsed = (raw.attachments?.data ?? []).map(toAttachment);
  const text = raw.message ? raw.message : null;
  return {
    externalId: raw.id,
    direction: raw.from.id === customerId ? "INBOUND" : "OUTBOUND",
    timestamp: graphDate(raw.created_time),
    type: parsed[0]?.type ?? (text === null ? "UNSUPPORTED" : "TEXT"),
    text: text ?? (parsed.length === 0 ? "Sent a message this inbox can't show. Open Instagram to see it." : null),
    attachments: parsed.map((item) => item.attachment),
  };
}

/**
 * Recent Instagram threads (newest first, one page) for back-filling history, e.g. when an account is
 * connected. `participantId` narrows it to the thread with one customer.
 */
export async function listInstagramConversations(
  creds: ChannelCredentials,
  query: { participantId?: string; limit?: number } = {},
  options?: GraphClientOptions,
): Promise<RemoteConversation[]> {
  const accountId = requireSetting(creds.accountId, "instagram", "account id");
  const answer = await graphRequest(
    creds,
    {
      method: "GET",
      path: `/${encodeURIComponent(accountId)}/conversations`,
      query: { platform: "instagram", fields: FIELDS, user_id: query.participantId, limit: query.limit },
    },
    { channel: "instagram", ...options },
  );
  const { data } = parseGraphAnswer(conversationsSchema, answer, "instagram");
  return data.flatMap((conversation) => {
    const others = conversation.participants.data.filter((user) => user.id !== accountId);
    // With a Page id as accountId both participants carry Instagram ids; the business is listed first.
    const customer = others.find((user) => user.id === query.participantId) ?? others[others.length - 1];
    if (!customer) return [];
    return [
      {
        externalId: conversation.id,
        participant: {
          id: customer.id,
          ...(customer.username ? { username: customer.username } : {}),
          ...(customer.name ? { name: customer.name } : {}),
        },
        updatedAt: graphDate(conversation.updated_time),
        messages: (conversation.messages?.data ?? []).map((message) => toRemoteMessage(message, customer.id)),
      },
    ];
  });
}
