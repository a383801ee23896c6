import { DB_CHANNELS } from "@/lib/channels/catalog";
import { z } from "zod";
import { LEAD_STATUSES } from "@/lib/inbox/constants";
import { REPLY_MAX_LENGTH } from "@/lib/validations/reply";

/**
 * The REST API's own schemas: what /api/v1 answers, and the one body it takes that the app's
 * routes don't (a reply is text only; the idempotency key travels as a header). Queries and lead
 * updates reuse the app's schemas (lib/validations/lead.ts, conversation.ts), so the two APIs take
 * the same filters. lib/api-v1/openapi.ts turns all of them into the OpenAPI document.
 */

/** POST /api/v1/conversations/{id}/messages */
export const apiSendMessageSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, "Write a message first")
      .max(REPLY_MAX_LENGTH, `A message can be at most ${REPLY_MAX_LENGTH.toLocaleString("en")} characters`),
  })
  .strict();

/** The Idempotency-Key header: the same key on a retry returns the first request's message instead of sending again. */
export const idempotencyKeySchema = z.string().trim().min(1).max(100).optional();

const isoDate = z.string().meta({ format: "date-time" });
const channel = z.enum(DB_CHANNELS);

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), issue: z.string() })).optional(),
    }),
  });

export const apiLeadSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    nameEdited: z.boolean(),
    status: z.enum(LEAD_STATUSES),
    value: z.number().int().nullable(),
    currency: z.string(),
    lostReason: z.string().nullable(),
    statusChangedAt: isoDate.nullable(),
    wonAt: isoDate.nullable(),
    owner: z.object({ id: z.string(), name: z.string() }).nullable(),
    lastContactAt: isoDate.nullable(),
    lastContactChannel: channel.nullable(),
    lastCustomerMessageAt: isoDate.nullable(),
    createdAt: isoDate,
    source: z.looseObject({ kind: z.string(), channel: channel.nullable() }).nullable(),
    contacts: z.array(
      z.looseObject({ id: z.string(), channel, externalId: z.string(), displayName: z.string().nullable(), avatarUrl: z.string().nullable() }),
    ),
    conversations: z.array(
      z.looseObject({ id: z.string(), channel, status: z.string(), unreadCount: z.number().int(), lastMessageAt: isoDate.nullable() }),
    ),
  });

export const apiLeadPageSchema = z.object({ leads: z.array(apiLeadSchema), nextCursor: z.string().nullable() });
export const apiLeadResponseSchema = z.object({ lead: apiLeadSchema });

export const apiConversationSchema = z
  .looseObject({
    id: z.string(),
    channel,
    leadId: z.string(),
    status: z.enum(["OPEN", "ARCHIVED"]),
    unreadCount: z.number().int(),
    lastMessageAt: isoDate.nullable(),
    lastMessagePreview: z.string().nullable(),
    lastInboundAt: isoDate.nullable(),
    /** The oldest customer message no staff reply has answered yet; null when nobody is waiting. */
    waitingSince: isoDate.nullable(),
    firstResponseAt: isoDate.nullable(),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    contact: z.looseObject({ id: z.string(), displayName: z.string().nullable() }),
  });

export const apiConversationPageSchema = z.looseObject({
  conversations: z.array(apiConversationSchema),
  nextCursor: z.string().nullable(),
});

export const apiMessageSchema = z
  .looseObject({
    id: z.string(),
    conversationId: z.string(),
    direction: z.enum(["INBOUND", "OUTBOUND"]),
    type: z.string(),
    text: z.string().nullable(),
    status: z.string(),
    sentAt: isoDate,
  });

export const apiMessagePageSchema = z.object({ messages: z.array(apiMessageSchema), nextCursor: z.string().nullable() });
export const apiSentMessageSchema = z.object({ message: apiMessageSchema, messages: z.array(apiMessageSchema) });
