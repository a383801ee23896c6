// Webhook events stored in batches (lib/inbox/ingest/ingest-inbound-batch.ts): a burst, redeliveries
// and mixed event kinds must leave exactly what processing them one at a time in arrival order would.
// Runs on SQLite, and on PostgreSQL with TEST_DATABASE=postgres (four batches at once there).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEMO_INSTAGRAM_ACCOUNT_ID,
  igsidFor,
  instagramBatch,
  instagramDeleted,
  instagramReaction,
  instagramText,
  newInstagramMid,
  newWamid,
  postWebhook,
  waIdFor,
  whatsappText,
} from "../../scripts/meta-sim/payloads";
import type { RunningApp } from "../helpers/app";
import { eventProcessed, waitFor } from "../helpers/database";
import { startPipeline, type Pipeline } from "../helpers/pipeline";

const SECRETS = { instagram: "instagram-app-secret-for-batch-tests", whatsapp: "whatsapp-app-secret-for-batch-tests" } as const;
type Channel = keyof typeof SECRETS;

let pipeline: Pipeline;
let app: RunningApp;
let db: PrismaClient;

beforeAll(async () => {
  pipeline = await startPipeline({
    graphPort: 0,
    env: {
      INSTAGRAM_APP_SECRET: SECRETS.instagram,
      INSTAGRAM_VERIFY_TOKEN: "instagram-verify-token",
      INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
      INSTAGRAM_ACCESS_TOKEN: "instagram-access-token",
      WHATSAPP_APP_SECRET: SECRETS.whatsapp,
      WHATSAPP_VERIFY_TOKEN: "whatsapp-verify-token",
      WHATSAPP_ACCESS_TOKEN: "whatsapp-access-token",
      WHATSAPP_PHONE_NUMBER_ID: "106540352242922",
      WHATSAPP_BUSINESS_ACCOUNT_ID: "102290129340398",
    },
  });
  ({ app, db } = pipeline);
});

afterAll(() => pipeline?.stop());

async function post(channel: Channel, payload: unknown) {
  const res = await postWebhook({ appUrl: app.url, channel, payload, appSecret: SECRETS[channel] });
  expect(res.status).toBe(200);
  return ((await res.json()) as { eventId: string }).eventId;
}

const threadOf = (externalId: string) =>
  db.conversation.findFirstOrThrow({
    where: { contact: { externalId } },
    include: { contact: { include: { lead: true } } },
  });

describe("batched ingest", () => {
  it("keeps the order of a delivery's events: messages around a reaction and an unsend", async () => {
    const igsid = igsidFor("order.keeper");
    const [m1, m2, m3, m4] = [newInstagramMid(), newInstagramMid(), newInstagramMid(), newInstagramMid()];
    const t = Date.now() - 60_000;
    const eventId = await post(
      "instagram",
      instagramBatch([
        [
          instagramText({ senderId: igsid, mid: m1, text: "first", timestamp: t }),
          instagramText({ senderId: igsid, mid: m2, text: "second", timestamp: t + 1000 }),
          // Closes the batch of m1 and m2: the reaction must find m1 stored.
          instagramReaction({ senderId: igsid, mid: m1, emoji: "\u2764\ufe0f", timestamp: t + 2000 }),
          instagramText({ senderId: igsid, mid: m3, text: "third", timestamp: t + 3000 }),
          instagramDeleted({ senderId: igsid, mid: m2, timestamp: t + 4000 }),
          // Arrives last but was written earlier: counts as unread, does not become the preview.
          instagramText({ senderId: igsid, mid: m4, text: "late", timestamp: t + 2500 }),
          // The same message twice in one delivery is stored once.
          instagramText({ senderId: igsid, mid: m1, text: "first", timestamp: t }),
        ],
      ]),
    );
    expect(await eventProcessed(db, eventId)).toMatchObject({ status: "PROCESSED", error: null });

    const byMid = async (mid: string) => db.message.findMany({ where: { channel: "INSTAGRAM", externalId: mid } });
    expect(await byMid(m1)).toHaveLength(1);
    expect((await byMid(m2))[0]).toMatchObject({ status: "DELETED", text: null });
    expect(await db.message.count({ where: { type: "REACTION", replyToExternalId: m1 } })).toBe(1);
    const conversation = await threadOf(igsid);
    expect(conversation).toMatchObject({ unreadCount: 4, lastMessagePreview: "third" });
    expect(conversation.lastMessageAt?.getTime()).toBe(t + 3000);
    expect(conversation.lastInboundAt?.getTime()).toBe(t + 3000);
    expect(conversation.contact.lead?.lastContactAt?.getTime()).toBe(t + 3000);
    expect(await db.communicationLog.count({ where: { contactId: conversation.contactId, kind: "inbound_message" } })).toBe(4);
  });

  it("stores a concurrent burst with redeliveries exactly once, one thread per customer, counts and previews right", async () => {
    const t = Math.floor(Date.now() / 1000) * 1000 - 120_000;
    const customers = Array.from({ length: 6 }, (_, index) => ({
      channel: (index % 2 === 0 ? "instagram" : "whatsapp") as Channel,
      id: index % 2 === 0 ? igsidFor(`burst.${index}`) : waIdFor(`burst ${index}`),
      name: `Burst Customer ${index}`,
    }));
    const deliveries = customers.flatMap((customer) =>
      Array.from({ length: 8 }, (_, n) => {
        const timestamp = t + n * 1000;
        const text = `${customer.name}: message ${n}`;
        if (customer.channel === "instagram") {
          const mid = newInstagramMid();
          return { customer, externalId: mid, text, timestamp, payload: instagramText({ senderId: customer.id, mid, text, timestamp }) };
        }
        const wamid = newWamid(customer.id);
        return { customer, externalId: wamid, text, timestamp, payload: whatsappText({ from: customer.id, name: customer.name, wamid, text, timestamp }) };
      }),
    );
    // Shuffled, with every fourth delivery sent twice: Meta retries and sends out of order.
    const sends = [...deliveries, ...deliveries.filter((_, index) => index % 4 === 0)].sort(() => Math.random() - 0.5);
    const eventIds = await Promise.all(sends.map(({ customer, payload }) => post(customer.channel, payload)));
    await waitFor(
      async () => (await db.externalEventLog.count({ where: { id: { in: eventIds }, status: "RECEIVED" } })) === 0,
      "every delivery processed",
      30_000,
    );
    expect(await db.externalEventLog.count({ where: { id: { in: eventIds }, status: { not: "PROCESSED" } } })).toBe(0);

    const externalIds = deliveries.map((delivery) => delivery.externalId);
    expect(await db.message.count({ where: { externalId: { in: externalIds } } })).toBe(deliveries.length);
    for (const customer of customers) {
      const channel = customer.channel === "instagram" ? "INSTAGRAM" : "WHATSAPP";
      expect(await db.contact.count({ where: { channel, externalId: customer.id } })).toBe(1);
      expect(await db.lead.count({ where: { contacts: { some: { channel, externalId: customer.id } } } })).toBe(1);
      // Each conversation carries its contact's lead.
      expect(await db.conversation.count({ where: { channel, contact: { externalId: customer.id }, lead: { contacts: { some: { externalId: customer.id } } } } })).toBe(1);
      expect(await db.conversation.count({ where: { channel, contact: { externalId: customer.id } } })).toBe(1);
      const conversation = await threadOf(customer.id);
      const newest = t + 7000;
      expect(conversation).toMatchObject({ unreadCount: 8, lastMessagePreview: `${customer.name}: message 7` });
      expect(conversation.lastMessageAt?.getTime()).toBe(newest);
      expect(conversation.contact.lead?.lastContactAt?.getTime()).toBe(newest);
      if (customer.channel === "whatsapp") expect(conversation.contact.displayName).toBe(customer.name);
    }
    const messageIds = (await db.message.findMany({ where: { externalId: { in: externalIds } }, select: { id: true } })).map(({ id }) => id);
    expect(await db.communicationLog.count({ where: { messageId: { in: messageIds } } })).toBe(deliveries.length);
    expect(app.logs()).not.toContain("storing them one by one");
  });

  it("ignores a blocklisted customer's message in the same batch as others' and stores the rest", async () => {
    const blocked = igsidFor("blocked.in.batch");
    const welcome = igsidFor("welcome.in.batch");
    await db.blockedContact.create({ data: { channel: "INSTAGRAM", externalId: blocked, reason: "spam" } });
    const [spam, hello] = [newInstagramMid(), newInstagramMid()];
    const eventId = await post(
      "instagram",
      instagramBatch([
        [instagramText({ senderId: blocked, mid: spam, text: "buy followers" })],
        [instagramText({ senderId: welcome, mid: hello, text: "hello there" })],
      ]),
    );
    expect(await eventProcessed(db, eventId)).toMatchObject({ status: "PROCESSED" });
    expect(await db.message.count({ where: { externalId: spam } })).toBe(0);
    expect(await db.contact.count({ where: { externalId: blocked } })).toBe(0);
    expect(await db.message.count({ where: { externalId: hello } })).toBe(1);
  });
});
