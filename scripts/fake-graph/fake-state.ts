// Everything the fake remembers between requests: the request log, fault rules and seeded data.
import { newInstagramMid } from "../meta-sim/ids";
import {
  conversationSeedSchema,
  ruleSchema,
  type ConversationSeed,
  type FakeRule,
  type ProfileInput,
} from "./control-schemas";
import type { z } from "zod";

export interface RecordedRequest {
  method: string;
  /** Full path as sent, version prefix included: "/v21.0/123/messages". */
  path: string;
  query: Record<string, string>;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Parsed JSON (or form) body; undefined when there was none. */
  body: unknown;
  /** ISO time the request arrived. */
  time: string;
}

type ParsedRule = z.output<typeof ruleSchema>;

/** An attachment URL the fake fetched while sending, as Meta's Send API does, and what it got. */
export interface FetchedAttachment {
  url: string;
  status: number;
  contentType: string | null;
  size: number;
  sha256: string;
  time: string;
}

/** A file part of a multipart request. */
export interface UploadedFile {
  bytes: Buffer;
  mimeType: string;
  filename: string;
}

export interface StoredConversation {
  id: string;
  accountId?: string;
  accountUsername: string;
  participant: { id: string; username?: string };
  messages: {
    id: string;
    from: "customer" | "business";
    text: string;
    attachments?: { type: "image" | "video" | "audio" | "file"; url: string }[];
    createdTime: number;
  }[];
}

export interface FakeFile {
  bytes: Buffer;
  mimeType: string;
  /** Downloads left before the link expires (CDN: 403; WhatsApp: the media id disappears); unlimited when undefined. */
  downloadsLeft?: number;
}

/** Counts one download of a file; false once its link has expired. */
export function takeDownload(file: FakeFile): boolean {
  if (file.downloadsLeft === undefined) return true;
  if (file.downloadsLeft <= 0) return false;
  file.downloadsLeft -= 1;
  return true;
}

export class FakeState {
  private log: RecordedRequest[] = [];
  private fetched: FetchedAttachment[] = [];
  private rules: { rule: ParsedRule; remaining?: number }[] = [];
  readonly profiles = new Map<string, ProfileInput | null>();
  readonly conversations: StoredConversation[] = [];
  /** Tokens Meta no longer accepts: every call bearing one answers code 190, as for a revoked or expired token. */
  readonly expiredTokens = new Set<string>();
  readonly media = new Map<string, FakeFile>();
  /** Files behind Instagram-CDN-like URLs (`/cdn/<path>`), by path. Unknown paths get a generated PNG. */
  readonly cdnFiles = new Map<string, FakeFile>();
  /** WhatsApp media ids whose downloads ran out: `GET /{id}` answers "object does not exist", as Meta does for expired media. */
  readonly expiredMedia = new Set<string>();
  /** Ids known to be the business's Instagram account or WhatsApp number, to tell `GET /{id}` apart. */
  readonly instagramAccountIds: Set<string>;
  readonly phoneNumberIds: Set<string>;
  /** The account `me` stands for. */
  readonly instagramAccountId: string;
  /** Facebook Pages (Messenger): their ids, and the Page tokens `me` resolves to the Page with. */
  readonly pageIds: Set<string>;
  readonly pageTokens = new Map<string, string>();

  constructor(known: { instagramAccountId: string; phoneNumberId: string; pageId: string; pageToken: string }) {
    this.instagramAccountId = known.instagramAccountId;
    this.pageIds = new Set([known.pageId]);
    this.pageTokens.set(known.pageToken, known.pageId);
    this.instagramAccountIds = new Set(["me", known.instagramAccountId]);
    this.phoneNumberIds = new Set([known.phoneNumberId]);
  }

  record(request: RecordedRequest): void {
    this.log.push(request);
  }

  requests(): RecordedRequest[] {
    return structuredClone(this.log);
  }

  recordFetch(fetched: FetchedAttachment): void {
    this.fetched.push(fetched);
  }

  fetchedAttachments(): FetchedAttachment[] {
    return structuredClone(this.fetched);
  }

  /** Clears the request and fetch logs, fault rules and expired tokens; seeded profiles, conversations and media stay. */
  reset(): void {
    this.log = [];
    this.fetched = [];
    this.rules = [];
    this.expiredTokens.clear();
  }

  program(rule: FakeRule): void {
    const parsed = ruleSchema.parse(rule);
    this.rules.push({ rule: parsed, remaining: parsed.times });
  }

  /** The first live rule matching the request, counting the use and retiring it when spent. */
  takeRule(method: string, path: string): ParsedRule["respond"] | undefined {
    const index = this.rules.findIndex(
      ({ rule }) =>
        (rule.match.method === undefined || rule.match.method === method) &&
        (rule.match.pathIncludes === undefined || path.includes(rule.match.pathIncludes)),
    );
    if (index === -1) return undefined;
    const entry = this.rules[index];
    if (entry.remaining !== undefined) {
      entry.remaining -= 1;
      if (entry.remaining === 0) this.rules.splice(index, 1);
    }
    return entry.rule.respond;
  }

  addConversation(seed: ConversationSeed): string {
    const parsed = conversationSeedSchema.parse(seed);
    const now = Date.now();
    const accountKey = parsed.accountId ?? "any";
    const conversation: StoredConversation = {
      id: parsed.id ?? Buffer.from(`ig_conversation:${accountKey}:${parsed.participant.id}`).toString("base64url"),
      accountId: parsed.accountId,
      accountUsername: parsed.accountUsername,
      participant: parsed.participant,
      messages: parsed.messages.map((message, index) => ({
        id: message.id ?? newInstagramMid(parsed.accountId),
        from: message.from,
        text: message.text,
        attachments: message.attachments,
        createdTime:
          message.createdTime === undefined
            ? now - (parsed.messages.length - 1 - index) * 60_000
            : new Date(message.createdTime).getTime(),
      })),
    };
    if (parsed.accountId) this.instagramAccountIds.add(parsed.accountId);
    const existing = this.conversations.findIndex((known) => known.id === conversation.id);
    if (existing === -1) this.conversations.push(conversation);
    else this.conversations[existing] = conversation;
    return conversation.id;
  }
}
