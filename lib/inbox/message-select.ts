import { mediaStateSelect } from "@/lib/media/media-state";

/** The message fields the API answers with. */
export const messageSelect = {
  id: true,
  conversationId: true,
  channel: true,
  direction: true,
  externalId: true,
  text: true,
  type: true,
  attachments: true,
  status: true,
  error: true,
  errorCode: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  editedAt: true,
  deletedAt: true,
  replyToExternalId: true,
  idempotencyKey: true,
  /** Sent by the app (the away message), not by a person. */
  automatic: true,
  createdAt: true,
  sentBy: { select: { id: true, name: true } },
  /** Each kept attachment's state, so the thread shows a thumbnail, a placeholder or why it is missing. */
  mediaFiles: { select: mediaStateSelect },
} as const;
