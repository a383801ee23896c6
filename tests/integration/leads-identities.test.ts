// Leads ingest end to end (issue 20): WhatsApp customers known by phone, by business-scoped user id
// (BSUID) or both stay one contact with one lead; a username-only customer is answered by BSUID as
// Meta's send API wants; a number change moves the identity; ad and link referrals become the
// message's referral and the new lead's source, on both channels.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEMO_INSTAGRAM_ACCOUNT_ID,
  DEMO_PHONE_NUMBER_ID,
  igsidFor,
  instagramAdReferral,
  instagramLinkReferral,
  instagramText,
  postWebhook,
  waIdFor,
  whatsappAdReferral,
  whatsappIdentityChange,
  whatsappStatus,
  whatsappText,
} from "../../scripts/meta-sim/payloads";
import type { FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import type { RunningApp } from "../helpers/app";
import { eventProcessed } from "../helpers/database";
import { startPipeline, type Pipeline } from "../helpers/pipeline";

const SECRETS = { instagram: "instagram-secret-for-leads", whatsapp: "whatsapp-secret-for-leads" } as const;
const PHONE = DEMO_PHONE_NUMBER_ID;

let graph: FakeGraph;
let app: RunningApp;
let db: PrismaClient;
let cookie: string;
let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await startPipeline({
    graphPort: 0,
    env: {
      WHATSAPP_APP_SECRET: SECRETS.whatsapp,
      WHATSAPP_VERIFY_TOKEN: "wa-verify",
      WHATSAPP_PHONE_NUMBER_ID: PHONE,
      WHATSAPP_BUSINESS_ACCOUNT_ID: "102290129340398",
      WHATSAPP_ACCESS_TOKEN: "wa-token",
      INSTAGRAM_APP_SECRET: SECRETS.instagram,
      INSTAGRAM_VERIFY_TOKEN: "ig-verify",
      INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
      INSTAGRAM_ACCESS_TOKEN: "ig-token",
    },
  });
  ({ graph, app, db, cookie } = pipeline);
});

afterAll(() => pipeline?.stop());

beforeEach(() => graph.reset());

async function deliver(channel: keyof typeof SECRETS, payload: unknown) {
  const res = await postWebhook({ appUrl: app.url, channel, payload, appSecret: SECRETS[channel] });
  expect(res.status).toBe(200);
  const { eventId } = (await res.json()) as { eventId: string };
  const event = await eventProcessed(db, eventId);
  expect(event).toMatchObject({ status: "PROCESSED", error: null });
  return event;
}

/** A BSUID shaped like Meta's: country code, a dot, digits. */
let bsuidSeq = 0;
const newBsuid = () => `PT.${Date.now()}${String(++bsuidSeq).padStart(4, "0")}`;

/** The WhatsApp contacts holding this BSUID or known by this id: one, when identities are kept together. */
const whatsappContacts = (where: { bsuid?: string; externalId?: string }) =>
  db.contact.findMany({
    where: { channel: "WHATSAPP", OR: [...(where.bsuid ? [{ bsuid: where.bsuid }] : []), ...(where.externalId ? [{ externalId: where.externalId }] : [])] },
    include: { conversations: true },
  });

function reply(conversationId: string, text: string) {
  return fetch(`${app.url}/api/inbox/conversations/${conversationId}/reply`, {
    method: "POST",
    headers: { "Content-Type": "application/json", cookie },
    body: JSON.stringify({ text }),
  });
}

const sends = () => graph.requests().filter((request) => request.method === "POST" && request.path.endsWith(`/${PHONE}/messages`));

describe("WhatsApp identities", () => {
  it("stores a username-only customer (no phone, \"\" as Meta sends) by BSUID, with the username, and one lead", async () => {
    const bsuid = newBsuid();
    await deliver("whatsapp", whatsappText({ from: "", bsuid, username: "rui.moveis", name: "Rui M.", text: "Do you deliver to Braga?" }));
    const [contact, ...others] = await whatsappContacts({ bsuid });
    expect(others).toHaveLength(0);
    expect(contact).toMatchObject({ externalId: bsuid, bsuid, whatsappId: null, whatsappUsername: "rui.moveis", displayName: "Rui M." });
    expect(contact.conversations).toHaveLength(1);
    expect(contact.conversations[0].leadId).toBe(contact.leadId);
    expect(await db.lead.findUniqueOrThrow({ where: { id: contact.leadId } })).toMatchObject({ currency: "EUR", sourceKind: "organic", sourceChannel: "WHATSAPP" });

    // The inbox shows the username, never an empty phone.
    const res = await fetch(`${app.url}/api/inbox/conversations/${contact.conversations[0].id}`, { headers: { cookie } });
    const { conversation } = (await res.json()) as { conversation: { leadId: string; contact: Record<string, unknown> } };
    expect(conversation.leadId).toBe(contact.leadId);
    expect(conversation.contact).toMatchObject({ whatsappUsername: "rui.moveis", whatsappId: null });
  });

  it("keeps one contact when a username-only customer later comes with a phone, and when a phone customer gains a BSUID", async () => {
    const bsuid = newBsuid();
    const phone = waIdFor(`phone-later-${bsuid}`);
    await deliver("whatsapp", whatsappText({ from: "", bsuid, username: "later.phone", text: "first, no phone" }));
    await deliver("whatsapp", whatsappText({ from: phone, bsuid, text: "now with my number" }));
    let contacts = await whatsappContacts({ bsuid, externalId: phone });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ externalId: bsuid, bsuid, whatsappId: phone });
    expect(contacts[0].conversations).toHaveLength(1);

    const known = waIdFor(`known-by-phone-${bsuid}`);
    const knownBsuid = newBsuid();
    await deliver("whatsapp", whatsappText({ from: known, text: "hello, phone only" }));
    await deliver("whatsapp", whatsappText({ from: known, bsuid: knownBsuid, text: "same person, now with a BSUID" }));
    // Then the phone is hidden: the BSUID alone still finds them.
    await deliver("whatsapp", whatsappText({ from: "", bsuid: knownBsuid, username: "known.now", text: "username adopted" }));
    contacts = await whatsappContacts({ bsuid: knownBsuid, externalId: known });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ externalId: known, whatsappId: known, bsuid: knownBsuid, whatsappUsername: "known.now" });
    expect(contacts[0].conversations).toHaveLength(1);
    expect(contacts[0].conversations[0].unreadCount).toBe(3);
    expect(await db.lead.count({ where: { contacts: { some: { id: contacts[0].id } } } })).toBe(1);
  });

  it("stores both identities of one person arriving in the same delivery as one contact", async () => {
    const bsuid = newBsuid();
    const phone = waIdFor(`same-batch-${bsuid}`);
    const first = whatsappText({ from: "", bsuid, text: "one" });
    const second = whatsappText({ from: phone, bsuid, text: "two" });
    first.entry[0].changes[0].value.messages!.push(...second.entry[0].changes[0].value.messages!);
    first.entry[0].changes[0].value.contacts!.push(...second.entry[0].changes[0].value.contacts!);
    await deliver("whatsapp", first);
    const contacts = await whatsappContacts({ bsuid, externalId: phone });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ bsuid, whatsappId: phone });
  });

  it("a new username-only customer's burst, delivered at once, makes one contact and one lead, and no lead without a contact", async () => {
    const bsuid = newBsuid();
    const leadsBefore = await db.lead.count({ where: { contacts: { none: {} } } });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        postWebhook({ appUrl: app.url, channel: "whatsapp", payload: whatsappText({ from: "", bsuid, username: "burst.user", text: `burst ${index}` }), appSecret: SECRETS.whatsapp }),
      ),
    );
    for (const res of responses) {
      const { eventId } = (await res.json()) as { eventId: string };
      expect(await eventProcessed(db, eventId)).toMatchObject({ status: "PROCESSED" });
    }
    const contacts = await whatsappContacts({ bsuid });
    expect(contacts).toHaveLength(1);
    expect(contacts[0].conversations).toHaveLength(1);
    expect(contacts[0].conversations[0].unreadCount).toBe(12);
    expect(await db.lead.count({ where: { contacts: { none: {} } } })).toBe(leadsBefore);
  });

  it("moves the identity on a number change instead of creating a contact; replies follow the new number", async () => {
    const oldPhone = waIdFor(`old-number-${Date.now()}`);
    const oldBsuid = newBsuid();
    const newPhone = waIdFor(`new-number-${Date.now()}`);
    const nextBsuid = newBsuid();
    await deliver("whatsapp", whatsappText({ from: oldPhone, bsuid: oldBsuid, text: "hi from my old number" }));
    await deliver("whatsapp", whatsappIdentityChange({ from: oldPhone, bsuid: oldBsuid, newPhone, newBsuid: nextBsuid, name: "Maria Silva" }));
    await deliver("whatsapp", whatsappText({ from: newPhone, bsuid: nextBsuid, text: "hi from my new number" }));
    const contacts = await whatsappContacts({ bsuid: nextBsuid, externalId: oldPhone });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ externalId: oldPhone, whatsappId: newPhone, bsuid: nextBsuid });
    expect(contacts[0].conversations).toHaveLength(1);
    const texts = (await db.message.findMany({ where: { conversationId: contacts[0].conversations[0].id }, orderBy: { sentAt: "asc" } })).map((m) => m.text);
    expect(texts).toEqual(["hi from my old number", expect.stringContaining("changed from"), "hi from my new number"]);

    const res = await reply(contacts[0].conversations[0].id, "Got your new number");
    expect(res.status).toBe(201);
    expect(sends().at(-1)!.body).toMatchObject({ to: newPhone });
  });

  it("replies to a username-only customer by BSUID (`recipient`, no `to`), and takes their statuses", async () => {
    const bsuid = newBsuid();
    await deliver("whatsapp", whatsappText({ from: "", bsuid, username: "no.phone", text: "can you call me back? (no)" }));
    const [contact] = await whatsappContacts({ bsuid });
    const res = await reply(contact.conversations[0].id, "Of course, here is the price list");
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as { message: { id: string; status: string; externalId?: string } };
    expect(message.status).toBe("SENT");
    const sent = sends().at(-1)!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ messaging_product: "whatsapp", recipient: bsuid, type: "text", text: { body: "Of course, here is the price list" } });
    expect(sent).not.toHaveProperty("to");

    const stored = await db.message.findUniqueOrThrow({ where: { id: message.id } });
    await deliver("whatsapp", whatsappStatus({ messageId: stored.externalId!, status: "delivered", recipientId: "", recipientUserId: bsuid }));
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "DELIVERED" });
  });

  it("replies by phone when the customer has one, BSUID or not", async () => {
    const phone = waIdFor(`phone-reply-${Date.now()}`);
    await deliver("whatsapp", whatsappText({ from: phone, bsuid: newBsuid(), text: "hi" }));
    const [contact] = await whatsappContacts({ externalId: phone });
    expect((await reply(contact.conversations[0].id, "Hello!")).status).toBe(201);
    const sent = sends().at(-1)!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ to: phone });
    expect(sent).not.toHaveProperty("recipient");
  });
});

describe("Blocklist across identities", () => {
  it("a customer blocked by number stays blocked when they write by BSUID only", async () => {
    const phone = waIdFor(`blocked-${Date.now()}`);
    const bsuid = newBsuid();
    await deliver("whatsapp", whatsappText({ from: phone, bsuid, text: "spam" }));
    const [contact] = await whatsappContacts({ externalId: phone });
    const res = await fetch(`${app.url}/api/inbox/conversations/${contact.conversations[0].id}/block`, { method: "POST", headers: { cookie } });
    expect(res.status).toBe(200);
    const res2 = await postWebhook({ appUrl: app.url, channel: "whatsapp", payload: whatsappText({ from: "", bsuid, username: "spam.again", text: "more spam" }), appSecret: SECRETS.whatsapp });
    const { eventId } = (await res2.json()) as { eventId: string };
    expect(await eventProcessed(db, eventId)).toMatchObject({ status: "IGNORED" });
    expect(await db.message.count({ where: { conversationId: contact.conversations[0].id } })).toBe(1);
    expect(await db.contact.count({ where: { channel: "WHATSAPP", OR: [{ bsuid }, { externalId: phone }] } })).toBe(1);
  });

  it("a blocked customer who changes number stays blocked on the new one", async () => {
    const phone = waIdFor(`blocked-mover-${Date.now()}`);
    const newPhone = waIdFor(`blocked-mover-new-${Date.now()}`);
    await deliver("whatsapp", whatsappText({ from: phone, text: "spam" }));
    const [contact] = await whatsappContacts({ externalId: phone });
    expect((await fetch(`${app.url}/api/inbox/conversations/${contact.conversations[0].id}/block`, { method: "POST", headers: { cookie } })).status).toBe(200);
    await deliver("whatsapp", whatsappIdentityChange({ from: phone, newPhone }));
    const res = await postWebhook({ appUrl: app.url, channel: "whatsapp", payload: whatsappText({ from: newPhone, text: "spam from my new number" }), appSecret: SECRETS.whatsapp });
    const { eventId } = (await res.json()) as { eventId: string };
    expect(await eventProcessed(db, eventId)).toMatchObject({ status: "IGNORED" });
    expect(await db.contact.count({ where: { channel: "WHATSAPP", OR: [{ externalId: newPhone }, { whatsappId: newPhone }] } })).toBe(1);
    expect(await db.message.count({ where: { conversationId: contact.conversations[0].id } })).toBe(1);
  });
});

describe("Referrals", () => {
  it("a click-to-WhatsApp ad: the referral on the message, the ad as the new lead's source; a later ad does not replace it", async () => {
    const phone = waIdFor(`ad-click-${Date.now()}`);
    const referral = whatsappAdReferral();
    await deliver("whatsapp", whatsappText({ from: phone, text: "Hello! Can I get more info on this?", referral }));
    const [contact] = await whatsappContacts({ externalId: phone });
    const message = await db.message.findFirstOrThrow({ where: { conversationId: contact.conversations[0].id } });
    expect(message.referral).toEqual({
      kind: "ad",
      source: "ad",
      adId: referral.source_id,
      url: referral.source_url,
      headline: referral.headline,
      body: referral.body,
      mediaType: referral.media_type,
      clickId: referral.ctwa_clid,
    });
    const lead = await db.lead.findUniqueOrThrow({ where: { id: contact.leadId } });
    expect(lead).toMatchObject({
      sourceKind: "ad",
      sourceChannel: "WHATSAPP",
      sourceAdId: referral.source_id,
      sourceHeadline: referral.headline,
      sourceUrl: referral.source_url,
      sourceClickId: referral.ctwa_clid,
    });

    // First touch wins: a second ad later is kept on its message only.
    await deliver("whatsapp", whatsappText({ from: phone, text: "and this one?", referral: whatsappAdReferral({ source_id: "999", headline: "Other ad" }) }));
    expect(await db.lead.findUniqueOrThrow({ where: { id: contact.leadId } })).toMatchObject({ sourceAdId: referral.source_id });
    const messages = await db.message.findMany({ where: { conversationId: contact.conversations[0].id }, select: { referral: true } });
    expect(messages.filter((row) => row.referral !== null)).toHaveLength(2);
  });

  it("a click-to-Instagram-Direct ad and an ig.me link: stored on the message and as the new lead's source", async () => {
    const adCustomer = igsidFor(`ig-ad-${Date.now()}`);
    await deliver("instagram", instagramText({ senderId: adCustomer, text: "Hi, I saw your ad", referral: instagramAdReferral() }));
    const adContact = await db.contact.findUniqueOrThrow({ where: { channel_externalId: { channel: "INSTAGRAM", externalId: adCustomer } } });
    const adMessage = await db.message.findFirstOrThrow({ where: { conversation: { contactId: adContact.id } } });
    expect(adMessage.referral).toMatchObject({ kind: "ad", source: "ADS", adId: "120219876543210987", ref: "spring_campaign", headline: "Linen sofas for spring" });
    expect(await db.lead.findUniqueOrThrow({ where: { id: adContact.leadId } })).toMatchObject({
      sourceKind: "ad",
      sourceChannel: "INSTAGRAM",
      sourceAdId: "120219876543210987",
      sourceHeadline: "Linen sofas for spring",
    });

    const linkCustomer = igsidFor(`ig-link-${Date.now()}`);
    await deliver("instagram", instagramText({ senderId: linkCustomer, text: "From your shop window", referral: instagramLinkReferral("shop_window") }));
    const linkContact = await db.contact.findUniqueOrThrow({ where: { channel_externalId: { channel: "INSTAGRAM", externalId: linkCustomer } } });
    expect(await db.lead.findUniqueOrThrow({ where: { id: linkContact.leadId } })).toMatchObject({ sourceKind: "link", sourceAdId: null });
  });
});
