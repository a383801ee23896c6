/**
 * The contract every messaging channel implements. Everything outside `lib/channels/<name>/`
 * speaks only these types, so adding a channel is one new folder plus one line in the registry
 * (server) and one in the catalog (browser-safe metadata).
 */
import type { ChannelMeta } from "./channel-meta";
import type { ChannelKey } from "./catalog";

export { CHANNEL_KEYS, type ChannelKey } from "./catalog";

/** Mirrors the Prisma `Channel` enum; kept here so channel code never imports the database layer. */
export type DbChannel = "INSTAGRAM" | "WHATSAPP" | "MESSENGER";

export type MessageType =
  | "TEXT"
  | "IMAGE"
  | "VIDEO"
  | "AUDIO"
  | "FILE"
  | "STICKER"
  | "STORY_REPLY"
  | "REACTION"
  | "UNSUPPORTED";

export type DeliveryStatus = "SENT" | "DELIVERED" | "READ" | "FAILED";

export type AttachmentKind =
  | "image"
  | "video"
  | "audio"
  | "file"
  | "sticker"
  | "share"
  | "story_mention"
  | "story"
  | "location"
  | "contacts"
  /**
   * Something Meta sent that this inbox can't show yet (an unknown type, an item we could not read):
   * `meta.raw` is the item's JSON as it arrived, for staff to look at; `meta.reason` why it is here.
   */
  | "unsupported"
  /** A tapped button, quick reply or list row: `meta` holds its payload / id; nothing to render. */
  | "interactive";

/** Stored as JSON on the Message row. `url` is Meta's (short-lived) link; `mediaId` is WhatsApp's handle. */
export interface Attachment {
  kind: AttachmentKind;
  url?: string;
  mediaId?: string;
  mimeType?: string;
  filename?: string;
  caption?: string;
  /** Location coordinates, shared contacts, interactive payloads: channel-specific extras. */
  meta?: Record<string, unknown>;
}

/**
 * The customer on the other side of a conversation. `id` is the IGSID, or on WhatsApp the wa_id
 * (phone digits), or the business-scoped user id for a customer whose phone Meta does not share.
 */
export interface Participant {
  id: string;
  name?: string;
  /** Instagram or WhatsApp username, without "@". */
  username?: string;
  phone?: string;
  /** WhatsApp business-scoped user id (`user_id`, e.g. "PT.1502576394655843"), sent alongside or instead of the phone. */
  bsuid?: string;
  avatarUrl?: string;
}

/**
 * Where a customer came from, as the first message of a click-to-WhatsApp / click-to-Instagram ad or
 * an ig.me / wa.me link with a ref carries it; normalised across channels (stored on Message.referral).
 */
export interface Referral {
  /** "ad" when an ad brought them, "link" for an ig.me / wa.me link with a ref, "organic" otherwise. */
  kind: "ad" | "link" | "organic";
  /** Meta's own word for the source: WhatsApp `source_type` ("ad", "post"), Instagram `source` ("ADS", "SHORTLINK", …). */
  source?: string;
  adId?: string;
  /** The ref parameter of an ig.me / m.me link. */
  ref?: string;
  url?: string;
  headline?: string;
  body?: string;
  mediaType?: string;
  /** Click id of a click-to-WhatsApp ad (`ctwa_clid`), for conversion reporting. */
  clickId?: string;
  /** Instagram `ads_context_data`: the ad's title, media and post. */
  adContext?: { title?: string; photoUrl?: string; videoUrl?: string; postId?: string; productId?: string };
}

interface EventBase {
  channel: ChannelKey;
  /** Our side: Instagram account / page id, or WhatsApp phone number id. */
  businessAccountId: string;
  participant: Participant;
  timestamp: Date;
}

export type NormalizedEvent =
  | (EventBase & {
      kind: "message";
      direction: "INBOUND" | "OUTBOUND";
      /** Meta's message id (mid / wamid): the dedupe key. */
      externalId: string;
      type: MessageType;
      /** What the thread shows; a readable placeholder for kinds we cannot render. */
      text: string | null;
      attachments: Attachment[];
      replyToExternalId?: string;
      /** Instagram `is_echo`: sent by the business from another app, or the echo of our own reply. */
      isEcho?: boolean;
      referral?: Referral;
      /**
       * Delivered on Meta's standby channel (`entry[].standby[]`): another app (a chatbot) holds the
       * thread. Stored like any message, but it opens our messaging window only once we hold it.
       */
      standby?: boolean;
    })
  | (EventBase & {
      /**
       * Meta's handover protocol (`messaging_handovers`): the thread was passed to us (`ours`), or
       * another app took it (`otherAppId`, when Meta names it).
       */
      kind: "thread_owner";
      ours: boolean;
      otherAppId?: string;
    })
  | (EventBase & { kind: "message_deleted"; externalId: string })
  | (EventBase & {
      /** The customer's phone number or business-scoped id changed (WhatsApp system message); `participant` is the old identity. */
      kind: "identity_changed";
      /** New phone digits (wa_id), when it changed. */
      newPhone?: string;
      newBsuid?: string;
    })
  | (EventBase & { kind: "message_edited"; externalId: string; text: string })
  | (EventBase & {
      kind: "read";
      /** Everything we sent up to and including this message (or up to the watermark) was read. */
      upToExternalId?: string;
      watermark?: Date;
    })
  | (EventBase & {
      kind: "reaction";
      targetExternalId: string;
      emoji: string | null;
      action: "react" | "unreact";
      /** The business reacted (from the Instagram app), not the customer. */
      fromBusiness?: boolean;
    })
  | (EventBase & {
      kind: "status";
      externalId: string;
      status: DeliveryStatus;
      error?: { code?: string; title: string; details?: string };
    });

/** Credentials and ids for one channel, from the Integration row or, failing that, env. */
export interface ChannelCredentials {
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  graphApiUrl: string;
  graphApiVersion: string;
  /** Deadline for each Graph API call that sets none of its own (META_GRAPH_API_TIMEOUT_MS; 10 s when absent). */
  graphTimeoutMs?: number;
  /** Instagram account / page id, or WhatsApp phone number id. */
  accountId: string;
  /** WhatsApp Business Account id (templates live there). */
  businessAccountId?: string;
  /** Instagram: allow replies up to 7 days after the last inbound message with the HUMAN_AGENT tag. */
  humanAgentTag?: boolean;
  /** Send read receipts and typing indicators to customers (off only when an admin turned it off). */
  customerSignals?: boolean;
  /**
   * Instagram: connected through Facebook Login (Page token, graph.facebook.com) or Instagram Login
   * (Instagram user token, graph.instagram.com). `graphApiUrl` already points at the matching base.
   */
  loginVariant?: "facebook" | "instagram";
  /** The stored account these belong to (Integration row name), so token errors are counted on the right one. */
  integrationKey?: string;
  source: "database" | "environment";
}

export interface SendTextInput {
  /** The contact's id on the channel; on WhatsApp a phone number or, for a customer known only by username, a BSUID. */
  to: string;
  text: string;
  /** Send with Meta's HUMAN_AGENT tag (Instagram, inside the 7-day window). */
  humanAgent?: boolean;
}

export type OutboundAttachmentKind = "image" | "video" | "audio" | "file";

/** A file staff attach to a reply, as the channel sends it. */
export interface OutboundAttachment {
  kind: OutboundAttachmentKind;
  contentType: string;
  /** A short-lived public link to the file, for channels where Meta fetches it. */
  url: string;
  /** The bytes, for channels that upload the file to Meta first. */
  read(): Promise<Uint8Array>;
  caption?: string;
  filename?: string;
}

/** What one kind of attachment may be on a channel: Meta's documented formats and size limits. */
export interface OutboundMediaRule {
  mimeTypes: readonly string[];
  maxBytes: number;
  /** Whether text can ride on the attachment as its caption; otherwise it goes as its own message. */
  caption: boolean;
  /** The longest caption Meta takes; longer text goes as its own message after the file. */
  maxCaptionLength?: number;
}

export type OutboundMediaRules = Partial<Record<OutboundAttachmentKind, OutboundMediaRule>>;

export interface SendResult {
  externalId: string;
}

export interface RemoteMessage {
  externalId: string;
  direction: "INBOUND" | "OUTBOUND";
  timestamp: Date;
  type: MessageType;
  text: string | null;
  attachments: Attachment[];
}

export interface RemoteConversation {
  externalId: string;
  participant: Participant;
  updatedAt: Date;
  messages: RemoteMessage[];
}

export interface MessageTemplate {
  name: string;
  language: string;
  category: string;
  status: string;
  /** Body text with {{1}}-style placeholders, for the composer's preview. */
  body: string;
  parameterCount: number;
}

export interface MessagingWindow {
  /** Free-form replies are allowed this long after the customer's last message. */
  freeFormMs: number;
  /** With the HUMAN_AGENT tag enabled, this long instead (Instagram). */
  humanAgentMs?: number;
}

/** The account ids an Integration row stores (Integration.config), as the channel reads them. */
export interface AccountConfig {
  pageId?: string;
  instagramAccountId?: string;
  phoneNumberId?: string;
  businessAccountId?: string;
  loginVariant?: "facebook" | "instagram";
}

export type ConnectionProbe = { ok: true; connectedAs: string } | { ok: false; error: string; reconnect: boolean };

/** What Settings needs from a channel to store, route and test one of its accounts. */
export interface AccountSettings {
  /** The id the Graph API is asked about and sends from; undefined until the card names one. */
  accountIdOf(config: AccountConfig): string | undefined;
  /** Every id Meta may address this account by in a webhook (`entry[].id`, WhatsApp's phone number id). */
  recipientIdsOf(config: AccountConfig): string[];
  /** The ids env credentials stand for, in the shape of a stored config. */
  configFromCredentials(creds: ChannelCredentials): AccountConfig;
  /** "Test connection": who the token belongs to. Graph errors are thrown (GraphApiError) for the caller to describe. */
  probe(creds: ChannelCredentials): Promise<ConnectionProbe>;
}

/** Meta's handover protocol: take a thread from the app that holds it, ask it for the thread, or hand it back. */
export type ThreadControlAction = "take" | "request" | "pass";

/** Where the customer's latest message is, for the channels that mark a message (WhatsApp) rather than a thread read. */
export interface CustomerSignalTarget {
  /** The contact's id on the channel (IGSID, PSID; WhatsApp phone or BSUID). */
  to: string;
  /** Meta's id of the latest inbound message (WhatsApp marks that one read and types under it). */
  lastInboundExternalId?: string;
}

export interface ChannelAdapter extends ChannelMeta {
  key: ChannelKey;
  /** The webhook payload's `object` field. */
  webhookObject: string;
  account: AccountSettings;
  /**
   * The longest text one message may carry, as Meta documents it. Longer replies are refused (the
   * composer offers to split them), never cut: a cut message says something the salesperson didn't.
   */
  maxTextLength: number;
  /** Credentials from env vars (the names teams already use) when no Integration row exists. */
  credentialsFromEnv(env: NodeJS.ProcessEnv): ChannelCredentials | null;
  /**
   * One webhook delivery → its items, each parsed on its own (see DeliveryItem), so one odd item
   * never costs the others. Throws WebhookPayloadError only when the envelope itself is unusable
   * (not an object with an `entry` array).
   */
  parseWebhook(payload: unknown): DeliveryItem[];
  sendText(creds: ChannelCredentials, input: SendTextInput): Promise<SendResult>;
  /** The attachments a reply may carry on this channel. */
  outboundMedia: OutboundMediaRules;
  sendAttachment(
    creds: ChannelCredentials,
    input: { to: string; attachment: OutboundAttachment; humanAgent?: boolean },
  ): Promise<SendResult>;
  fetchProfile(creds: ChannelCredentials, participantId: string): Promise<Participant | null>;
  listConversations(
    creds: ChannelCredentials,
    options?: { participantId?: string; limit?: number },
  ): Promise<RemoteConversation[]>;
  /** WhatsApp only: approved templates, and sending one to re-open a closed window. */
  templates?: {
    list(creds: ChannelCredentials): Promise<MessageTemplate[]>;
    send(
      creds: ChannelCredentials,
      input: { to: string; name: string; language: string; parameters: string[] },
    ): Promise<SendResult>;
  };
  /**
   * Optional: tell the customer we read their messages (Instagram / Messenger `mark_seen`; WhatsApp a
   * read receipt on `lastInboundExternalId`). Callers fire it after answering staff and only log failures.
   */
  markSeen?(creds: ChannelCredentials, target: CustomerSignalTarget): Promise<void>;
  /**
   * Optional: show (`on`) or stop the typing indicator. WhatsApp's rides on a read receipt and has no
   * "off" (it ends when we send, or after 25 s), so an adapter may treat `on: false` as nothing to do.
   */
  sendTyping?(creds: ChannelCredentials, target: CustomerSignalTarget & { on: boolean }): Promise<void>;
  /** Optional: Meta's handover protocol, for accounts where another app (a chatbot) may hold a thread. */
  threadControl?(
    creds: ChannelCredentials,
    action: ThreadControlAction,
    input: { to: string; targetAppId?: string; metadata?: string },
  ): Promise<void>;
  /** WhatsApp only: resolve a media id and download the bytes with the token. */
  media?: {
    /** Over `maxBytes` throws DownloadTooLargeError (lib/channels/meta/read-capped-body.ts). */
    download(
      creds: ChannelCredentials,
      mediaId: string,
      options?: { maxBytes?: number },
    ): Promise<{ body: Uint8Array; mimeType: string }>;
  };
}

/**
 * One item of a webhook delivery, parsed on its own: an Instagram `messaging[]` element, a WhatsApp
 * message or status, or an entry / change that could not be read at all. Channel parsers return
 * these (build them with `lib/channels/meta/delivery-item.ts`); ingest stores each item's events
 * and records per item what happened, so Replay can re-run only the failed ones.
 */
export interface DeliveryItem {
  /** Where it sits in the body ("entry.0.messaging.2", "entry.0.changes.1.value.statuses.0"): stable across replays. */
  path: string;
  /** What it means for the inbox, in order; empty when nothing in it concerns the inbox (a template update, an unknown item kind). */
  events: NormalizedEvent[];
  /**
   * Why it could not be read. When its sender was known, `events` holds an UNSUPPORTED message in
   * their thread carrying the raw JSON; otherwise the item is only recorded against the event.
   */
  error?: string;
}

export class WebhookPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookPayloadError";
  }
}
