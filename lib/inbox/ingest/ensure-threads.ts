import { randomUUID } from "node:crypto";
import type { DbChannel, Participant, Referral } from "@/lib/channels/types";
import { canSkipDuplicates } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getTeamSettings } from "@/lib/settings/team-settings";

/**
 * The one place contacts, leads and conversations are created: the Contact → Lead → Conversation
 * chain of each customer a batch of events names, found or created on first contact, with what the
 * payload says about the person written onto the contact. The batched inbound writer, echoes and
 * the Conversations API sync all come through here, so they cannot disagree about a row.
 *
 * A new contact gets a new lead of its own (the team's default currency); a lead groups several
 * contacts only when staff merge them. On PostgreSQL several batches run at once (and other
 * instances too): inserts skip rows a concurrent batch committed first and read the winner back
 * (its lead then stays, ours is removed), and new rows are inserted in key order so two batches
 * wait for each other in one order rather than deadlock.
 */

type Tx = Prisma.TransactionClient;

export interface ThreadRequest {
  channel: DbChannel;
  businessAccountId: string;
  participant: Participant;
  /** The ad or link the message came from: a new lead's source when this is its first touch. */
  referral?: Referral;
}

export interface ThreadRef {
  contactId: string;
  leadId: string;
  conversationId: string;
  /** Null until a profile is known: fetch it from the Graph API after the transaction. */
  profileFetchedAt: Date | null;
  /** The contact and its lead were created by this call (first contact). */
  leadCreated: boolean;
}

const key = (...parts: string[]) => parts.join("\u0000");

/** Spread into createManyAndReturn: the SQLite client's types have no such option. */
export const skipExisting = (canSkipDuplicates ? { skipDuplicates: true } : {}) as object;

export const byKey = <T>(keyOf: (row: T) => string) => (a: T, b: T) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/** One thread per request, in request order; requests naming the same customer share rows. */
export async function ensureThreads(tx: Tx, requests: ThreadRequest[]): Promise<ThreadRef[]> {
  const contacts = await upsertContacts(tx, requests);
  const conversations = await ensureConversations(
    tx,
    requests.map((request, index) => ({ channel: request.channel, businessAccountId: request.businessAccountId, contact: contacts[index] })),
  );
  return requests.map((request, index) => {
    const contact = contacts[index];
    return {
      contactId: contact.id,
      leadId: contact.leadId,
      conversationId: conversations.get(key(request.channel, contact.id, request.businessAccountId))!.id,
      profileFetchedAt: contact.profileFetchedAt,
      leadCreated: contact.leadCreated,
    };
  });
}

interface StoredContact {
  id: string;
  leadId: string;
  profileFetchedAt: Date | null;
  conversations: Array<{ id: string; businessAccountId: string }>;
  leadCreated: boolean;
}

/**
 * One customer as the requests name them. On WhatsApp a customer may be known by phone, by
 * business-scoped user id (BSUID), or both: requests sharing either are the same person.
 */
interface Identity {
  channel: DbChannel;
  /** What a new contact's externalId becomes: the phone when known, else the BSUID (or the IGSID). */
  externalId: string;
  ids: Set<string>;
  bsuid?: string;
  phone?: string;
  profile: ProfileFields;
  /** From the person's first request: the first touch of a new lead. */
  referral?: Referral;
}

/** The requests grouped into people; `of[i]` is request i's person. */
function identitiesOf(requests: ThreadRequest[]): { people: Identity[]; of: Identity[] } {
  const people: Identity[] = [];
  const seen = new Map<string, Identity>();
  const of = requests.map(({ channel, participant, referral }) => {
    const phone = channel === "WHATSAPP" && participant.phone ? participant.phone.replace(/\D/g, "") : undefined;
    const keys = [participant.bsuid && key(channel, "bsuid", participant.bsuid), key(channel, "id", participant.id), phone && key(channel, "phone", phone)]
      .filter((candidate): candidate is string => Boolean(candidate));
    let person = keys.map((candidate) => seen.get(candidate)).find(Boolean);
    if (!person) {
      person = { channel, externalId: participant.id, ids: new Set(), profile: {}, referral };
      people.push(person);
    }
    person.ids.add(participant.id);
    if (participant.bsuid) person.bsuid = participant.bsuid;
    if (phone) {
      person.phone = phone;
      // A phone seen in any of the person's requests names a new contact, as it always did.
      person.externalId = phone;
    }
    // The newest request's word wins, as upserting once per message would leave it.
    person.profile = { ...person.profile, ...profileFields(channel, participant) };
    for (const candidate of keys) seen.set(candidate, person);
    return person;
  });
  return { people, of };
}

/** Contacts matching any of the people's identities. */
function identityWhere(people: Identity[]): Prisma.ContactWhereInput {
  const byChannel = new Map<DbChannel, { ids: Set<string>; bsuids: Set<string>; phones: Set<string> }>();
  for (const person of people) {
    const entry = byChannel.get(person.channel) ?? { ids: new Set(), bsuids: new Set(), phones: new Set() };
    for (const id of person.ids) entry.ids.add(id);
    if (person.bsuid) entry.bsuids.add(person.bsuid);
    if (person.phone) entry.phones.add(person.phone);
    byChannel.set(person.channel, entry);
  }
  return {
    OR: [...byChannel].flatMap(([channel, { ids, bsuids, phones }]) => [
      { channel, externalId: { in: [...ids] } },
      ...(bsuids.size > 0 ? [{ channel, bsuid: { in: [...bsuids] } }] : []),
      ...(phones.size > 0 ? [{ channel, whatsappId: { in: [...phones] } }] : []),
    ]),
  };
}

/** The stored contact a person is: by BSUID first (it survives a hidden phone), then the id, then the phone. */
function matchOf(person: Identity, contacts: ContactRow[]): ContactRow | undefined {
  const same = contacts.filter((contact) => contact.channel === person.channel);
  return (
    (person.bsuid ? same.find((contact) => contact.bsuid === person.bsuid) : undefined) ??
    same.find((contact) => person.ids.has(contact.externalId)) ??
    (person.phone ? same.find((contact) => contact.whatsappId === person.phone) : undefined)
  );
}

/**
 * The contacts behind the requests, created on first contact. What a payload says about the person
 * (WhatsApp's profile name, phone, BSUID and username; Instagram's username) is written when it
 * differs from what we have, so a customer we knew by phone who now also has a BSUID stays one
 * contact that keeps both.
 */
async function upsertContacts(tx: Tx, requests: ThreadRequest[]): Promise<StoredContact[]> {
  const { people, of } = identitiesOf(requests);
  const select = {
    id: true, channel: true, externalId: true, leadId: true, bsuid: true, whatsappId: true, whatsappUsername: true,
    profileFetchedAt: true, displayName: true, instagramUsername: true, avatarUrl: true,
  } as const;
  // The conversations come along: one query (one compile) instead of two.
  const withThreads = { ...select, conversations: { select: { id: true, businessAccountId: true } } } as const;
  const existing: ContactRow[] = await tx.contact.findMany({ where: identityWhere(people), select: withThreads });
  const found = new Map<Identity, ContactRow>();
  for (const person of people) {
    const contact = matchOf(person, existing);
    if (contact) found.set(person, contact);
  }

  const createdNow = new Set<Identity>();
  const missing = people.filter((person) => !found.has(person)).sort(byKey((person) => key(person.channel, person.externalId)));
  if (missing.length > 0) {
    // Each new contact's lead first (the contact row points at it), with ids of our own so each
    // contact knows its lead without reading the leads back.
    const leadIds = missing.map(() => newLeadId());
    const { defaultCurrency } = await getTeamSettings(tx);
    await tx.lead.createMany({
      data: missing.map((person, index) => ({ id: leadIds[index], currency: defaultCurrency, ...leadSource(person.channel, person.referral) })),
    });
    const created = await tx.contact.createManyAndReturn({
      data: missing.map((person, index) => ({
        channel: person.channel,
        externalId: person.externalId,
        leadId: leadIds[index],
        ...(person.channel === "INSTAGRAM" ? { instagramId: person.externalId } : {}),
        ...(person.phone ? { whatsappId: person.phone } : {}),
        ...(person.bsuid ? { bsuid: person.bsuid } : {}),
        ...profileData(person.profile),
      })),
      select,
      ...skipExisting,
    });
    const rows = created.map((contact) => ({ ...contact, conversations: [] }));
    for (const person of missing) {
      const contact = matchOf(person, rows);
      if (contact) {
        found.set(person, contact);
        createdNow.add(person);
      }
    }
    const raced = missing.filter((person) => !found.has(person));
    if (raced.length > 0) {
      // A concurrent batch created these contacts, with leads of its own: ours would be empty.
      const used = new Set(rows.map((contact) => contact.leadId));
      await tx.lead.deleteMany({ where: { id: { in: leadIds.filter((id) => !used.has(id)) } } });
      const winners: ContactRow[] = await tx.contact.findMany({ where: identityWhere(raced), select: withThreads });
      for (const person of raced) found.set(person, matchOf(person, winners)!);
    }
  }

  for (const person of people) {
    const contact = found.get(person)!;
    if (createdNow.has(person)) continue;
    const data = { ...changedIdentity(person, contact), ...changedProfile(person.profile, contact) };
    if (Object.keys(data).length === 0) continue;
    const updated = await tx.contact.update({ where: { id: contact.id }, data, select: { profileFetchedAt: true } });
    contact.profileFetchedAt = updated.profileFetchedAt;
  }
  return of.map((person) => {
    const contact = found.get(person)!;
    return {
      id: contact.id,
      leadId: contact.leadId,
      profileFetchedAt: contact.profileFetchedAt,
      conversations: contact.conversations,
      leadCreated: createdNow.has(person),
    };
  });
}

interface ContactRow {
  id: string;
  channel: DbChannel;
  externalId: string;
  leadId: string;
  bsuid: string | null;
  whatsappId: string | null;
  whatsappUsername: string | null;
  profileFetchedAt: Date | null;
  displayName: string | null;
  instagramUsername: string | null;
  avatarUrl: string | null;
  conversations: Array<{ id: string; businessAccountId: string }>;
}

/**
 * A phone or BSUID the contact did not have yet: kept, so the contact is found by either. One it has
 * is replaced only by Meta's change notice (ingest-identity-change.ts): a late redelivery from the
 * old identity must not undo it.
 */
function changedIdentity(person: Identity, contact: ContactRow) {
  return {
    ...(person.bsuid && !contact.bsuid ? { bsuid: person.bsuid } : {}),
    ...(person.phone && !contact.whatsappId ? { whatsappId: person.phone } : {}),
  };
}

function changedProfile(profile: ProfileFields, contact: ContactRow) {
  const changed =
    (profile.displayName !== undefined && (profile.displayName !== contact.displayName || contact.profileFetchedAt === null)) ||
    (profile.instagramUsername !== undefined && profile.instagramUsername !== contact.instagramUsername) ||
    (profile.whatsappUsername !== undefined && profile.whatsappUsername !== contact.whatsappUsername) ||
    (profile.avatarUrl !== undefined && profile.avatarUrl !== contact.avatarUrl);
  return changed ? profileData(profile) : {};
}

interface ProfileFields {
  displayName?: string;
  instagramUsername?: string;
  whatsappUsername?: string;
  avatarUrl?: string;
}

function profileFields(channel: DbChannel, participant: Participant): ProfileFields {
  const username = channel === "WHATSAPP" ? "whatsappUsername" : "instagramUsername";
  return {
    ...(participant.name ? { displayName: participant.name } : {}),
    ...(participant.username ? { [username]: participant.username } : {}),
    ...(participant.avatarUrl ? { avatarUrl: participant.avatarUrl } : {}),
  };
}

/** A name in the payload (WhatsApp's profile name) is the profile: nothing to fetch later. */
function profileData(profile: ProfileFields) {
  return { ...profile, ...(profile.displayName ? { profileFetchedAt: new Date() } : {}) };
}

/**
 * A new lead's source: the ad or link of its first message, else "organic" (only leads from before
 * sources were kept have none).
 */
function leadSource(channel: DbChannel, referral: Referral | undefined) {
  return {
    sourceKind: referral?.kind ?? "organic",
    sourceChannel: channel,
    sourceAdId: referral?.adId ?? null,
    sourceHeadline: referral?.headline ?? null,
    sourceUrl: referral?.url ?? null,
    sourceClickId: referral?.clickId ?? null,
  };
}

/** Same shape as Prisma's cuid()s in length and alphabet, so ids from either look alike in URLs. */
function newLeadId(): string {
  return `c${randomUUID().replaceAll("-", "").slice(0, 24)}`;
}

async function ensureConversations(
  tx: Tx,
  threads: Array<{ channel: DbChannel; businessAccountId: string; contact: StoredContact }>,
) {
  const select = { id: true, channel: true, contactId: true, businessAccountId: true } as const;
  const found = new Map<string, { id: string }>();
  const missing = new Map<string, { channel: DbChannel; contactId: string; leadId: string; businessAccountId: string }>();
  for (const { channel, businessAccountId, contact } of threads) {
    const threadKey = key(channel, contact.id, businessAccountId);
    const conversation = contact.conversations.find((row) => row.businessAccountId === businessAccountId);
    if (conversation) found.set(threadKey, conversation);
    else missing.set(threadKey, { channel, contactId: contact.id, leadId: contact.leadId, businessAccountId });
  }
  if (missing.size > 0) {
    const data = [...missing].sort(byKey(([threadKey]) => threadKey)).map(([, thread]) => thread);
    const created = await tx.conversation.createManyAndReturn({ data, select, ...skipExisting });
    for (const row of created) found.set(key(row.channel, row.contactId, row.businessAccountId), row);
    const raced = data.filter((thread) => !found.has(key(thread.channel, thread.contactId, thread.businessAccountId)));
    if (raced.length > 0) {
      const rows = await tx.conversation.findMany({
        where: { OR: raced.map(({ channel, contactId, businessAccountId }) => ({ channel, contactId, businessAccountId })) },
        select,
      });
      for (const row of rows) found.set(key(row.channel, row.contactId, row.businessAccountId), row);
    }
  }
  return found;
}
