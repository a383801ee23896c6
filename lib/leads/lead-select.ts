import type { Prisma } from "@/lib/generated/prisma/client";

/** Where the lead's first touch came from: kept together by merge (the earliest) and split. */
export const leadSourceSelect = {
  sourceKind: true,
  sourceChannel: true,
  sourceAdId: true,
  sourceHeadline: true,
  sourceUrl: true,
  sourceClickId: true,
} as const satisfies Prisma.LeadSelect;

export type LeadSourceFields = Prisma.LeadGetPayload<{ select: typeof leadSourceSelect }>;

/** The source columns of a row, to copy onto another lead. */
export function sourceFields(row: LeadSourceFields): LeadSourceFields {
  const { sourceKind, sourceChannel, sourceAdId, sourceHeadline, sourceUrl, sourceClickId } = row;
  return { sourceKind, sourceChannel, sourceAdId, sourceHeadline, sourceUrl, sourceClickId };
}

/** What a lead's JSON needs, for lists, the detail, the board and the export alike. Never tokens. */
export const leadSelect = {
  id: true,
  name: true,
  status: true,
  value: true,
  currency: true,
  lostReason: true,
  statusChangedAt: true,
  wonAt: true,
  lastContactAt: true,
  lastContactChannel: true,
  createdAt: true,
  ...leadSourceSelect,
  owner: { select: { id: true, name: true } },
  contacts: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      channel: true,
      externalId: true,
      displayName: true,
      instagramUsername: true,
      whatsappUsername: true,
      whatsappId: true,
      avatarUrl: true,
    },
  },
  conversations: {
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      channel: true,
      status: true,
      unreadCount: true,
      lastMessageAt: true,
      lastInboundAt: true,
      labels: { select: { label: { select: { id: true, name: true, color: true } } } },
    },
  },
} as const satisfies Prisma.LeadSelect;

export type LeadRow = Prisma.LeadGetPayload<{ select: typeof leadSelect }>;

export type LeadSourceKind = "ad" | "link" | "organic";

export interface LeadSource {
  kind: LeadSourceKind;
  channel: LeadRow["sourceChannel"];
  adId?: string;
  headline?: string;
  url?: string;
  clickId?: string;
}

export interface LeadContact {
  id: string;
  channel: LeadRow["contacts"][number]["channel"];
  externalId: string;
  displayName: string | null;
  username?: string;
  phone?: string;
  avatarUrl: string | null;
}

/** The API's Lead (issue 20's names), plus what the board shows: when the customer last wrote. */
export interface Lead {
  id: string;
  /** The name staff gave the lead, else its first contact's. */
  name: string;
  /** True when `name` was typed by staff rather than taken from a contact. */
  nameEdited: boolean;
  status: LeadRow["status"];
  value: number | null;
  currency: string;
  lostReason: string | null;
  statusChangedAt: Date | null;
  wonAt: Date | null;
  owner: { id: string; name: string } | null;
  lastContactAt: Date | null;
  lastContactChannel: LeadRow["lastContactChannel"];
  /** The newest customer message over all the lead's conversations. */
  lastCustomerMessageAt: Date | null;
  createdAt: Date;
  source: LeadSource | null;
  contacts: LeadContact[];
  /** The labels on the lead's conversations, each once, by name. */
  labels: { id: string; name: string; color: string }[];
  conversations: Pick<LeadRow["conversations"][number], "id" | "channel" | "status" | "unreadCount" | "lastMessageAt">[];
}

const SOURCE_KINDS: readonly string[] = ["ad", "link", "organic"];

function contactLabel(contact: Pick<LeadContact, "displayName" | "username" | "phone" | "externalId">): string {
  return contact.displayName || (contact.username ? `@${contact.username}` : null) || (contact.phone ? `+${contact.phone}` : contact.externalId);
}

export function toLead(row: LeadRow): Lead {
  const contacts = row.contacts.map((contact): LeadContact => ({
    id: contact.id,
    channel: contact.channel,
    externalId: contact.externalId,
    displayName: contact.displayName,
    ...(contact.instagramUsername || contact.whatsappUsername ? { username: (contact.instagramUsername || contact.whatsappUsername)! } : {}),
    ...(contact.whatsappId ? { phone: contact.whatsappId } : {}),
    avatarUrl: contact.avatarUrl,
  }));
  const lastCustomerMessageAt = row.conversations.reduce<Date | null>(
    (latest, conversation) => (conversation.lastInboundAt && (!latest || conversation.lastInboundAt > latest) ? conversation.lastInboundAt : latest),
    null,
  );
  return {
    id: row.id,
    name: row.name || (contacts[0] ? contactLabel(contacts[0]) : "Unnamed lead"),
    nameEdited: Boolean(row.name),
    status: row.status,
    value: row.value,
    currency: row.currency,
    lostReason: row.lostReason,
    statusChangedAt: row.statusChangedAt,
    wonAt: row.wonAt,
    owner: row.owner,
    lastContactAt: row.lastContactAt,
    lastContactChannel: row.lastContactChannel,
    lastCustomerMessageAt,
    createdAt: row.createdAt,
    source: toSource(row),
    contacts,
    labels: leadLabels(row),
    conversations: row.conversations.map(({ id, channel, status, unreadCount, lastMessageAt }) => ({ id, channel, status, unreadCount, lastMessageAt })),
  };
}

function leadLabels(row: LeadRow): Lead["labels"] {
  const byId = new Map(row.conversations.flatMap((conversation) => conversation.labels.map(({ label }) => [label.id, label] as const)));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function toSource(row: LeadRow): LeadSource | null {
  if (!row.sourceKind || !SOURCE_KINDS.includes(row.sourceKind)) return null;
  return {
    kind: row.sourceKind as LeadSourceKind,
    channel: row.sourceChannel,
    ...(row.sourceAdId ? { adId: row.sourceAdId } : {}),
    ...(row.sourceHeadline ? { headline: row.sourceHeadline } : {}),
    ...(row.sourceUrl ? { url: row.sourceUrl } : {}),
    ...(row.sourceClickId ? { clickId: row.sourceClickId } : {}),
  };
}
