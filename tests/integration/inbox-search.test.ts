// Conversation search on both databases (TEST_DATABASE=postgres for PostgreSQL): what it finds,
// that the trigram index, the scan and the ordered walk (lib/inbox/search-conversations.ts) give
// the same pages as a reference, that edits and unsends through the webhook are reflected, and
// that no query string makes it fail. Rows are seeded with the app's own Prisma client, so the
// same code runs on both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_INDEXED_MATCHES } from "@/lib/inbox/search-terms";
import { DEMO_INSTAGRAM_ACCOUNT_ID, igsidFor, instagramDeleted, instagramEdit, instagramText, newInstagramMid, postWebhook } from "../../scripts/meta-sim/payloads";
import { callApi } from "../helpers/api";
import { TEST_ADMIN, TEST_DATABASE } from "../helpers/app";
import { eventProcessed } from "../helpers/database";
import { startPipeline, type Pipeline } from "../helpers/pipeline";

const INSTAGRAM_SECRET = "instagram-secret-search";
const MINUTE = 60_000;
const NOW = Date.now();

let pipeline: Pipeline;
let db: PrismaClient;
let adminId: string;

interface Seed {
  id: string;
  channel?: "INSTAGRAM" | "WHATSAPP";
  name?: string | null;
  username?: string | null;
  phone?: string | null;
  texts?: { text: string | null; deleted?: boolean }[];
  at: number;
  status?: "OPEN" | "ARCHIVED";
  hidden?: boolean;
  unread?: number;
  assigned?: boolean;
}

/** Leads, contacts, conversations and messages in four statements, however many. */
async function seed(rows: Seed[]) {
  await db.lead.createMany({ data: rows.map((row) => ({ id: `ld-${row.id}` })) });
  await db.contact.createMany({
    data: rows.map((row) => ({
      id: `ct-${row.id}`,
      leadId: `ld-${row.id}`,
      channel: row.channel ?? "INSTAGRAM",
      externalId: `ext-${row.id}`,
      displayName: row.name ?? null,
      instagramUsername: row.username ?? null,
      whatsappId: row.phone ?? null,
    })),
  });
  await db.conversation.createMany({
    data: rows.map((row) => ({
      id: row.id,
      channel: row.channel ?? "INSTAGRAM",
      businessAccountId: "biz",
      contactId: `ct-${row.id}`,
      leadId: `ld-${row.id}`,
      status: row.status ?? "OPEN",
      hidden: row.hidden ?? false,
      unreadCount: row.unread ?? 0,
      assigneeId: row.assigned ? adminId : null,
      lastMessageAt: new Date(row.at),
    })),
  });
  await db.message.createMany({
    data: rows.flatMap((row) =>
      (row.texts ?? []).map((message, index) => ({
        id: `m-${row.id}-${index}`,
        conversationId: row.id,
        channel: row.channel ?? "INSTAGRAM",
        direction: "INBOUND" as const,
        text: message.text,
        status: message.deleted ? ("DELETED" as const) : ("DELIVERED" as const),
        sentAt: new Date(row.at - index * 1000),
      })),
    ),
  });
}

interface Page {
  conversations: { id: string }[];
  nextCursor: string | null;
}

async function list(query: Record<string, string>): Promise<Page> {
  const res = await callApi(pipeline.app.url, pipeline.cookie, "GET", `/api/inbox/conversations?${new URLSearchParams(query)}`);
  expect(res.status, `${JSON.stringify(query)}: ${res.text.slice(0, 300)}`).toBe(200);
  return res.body;
}

const found = async (q: string, view: Record<string, string> = {}) => (await list({ ...view, q })).conversations.map((c) => c.id);

/** Every page of a search, following the cursors. */
async function allPages(q: string, view: Record<string, string>, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await list({ ...view, q, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(page.conversations.length).toBeLessThanOrEqual(limit);
    ids.push(...page.conversations.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  pipeline = await startPipeline({
    graphPort: 0,
    env: {
      INSTAGRAM_APP_SECRET: INSTAGRAM_SECRET,
      INSTAGRAM_VERIFY_TOKEN: "verify",
      INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
      INSTAGRAM_ACCESS_TOKEN: "instagram-token-search",
    },
  });
  db = pipeline.db;
  adminId = (await db.user.findUniqueOrThrow({ where: { email: TEST_ADMIN.email }, select: { id: true } })).id;
  await seed([
    { id: "s-ana", name: "Ana Costa", username: "ana.costa", texts: [{ text: "Is the blue sofa available?" }], at: NOW - 1 * MINUTE },
    { id: "s-maria", channel: "WHATSAPP", name: "Maria Quintanilha", phone: "351912345678", texts: [{ text: "Quote for 3 chairs" }], at: NOW - 2 * MINUTE },
    { id: "s-joao", channel: "WHATSAPP", name: "João Gonçalves", phone: "351934000111", texts: [{ text: "Do you deliver to Braga on Saturdays?" }, { text: "ok" }], at: NOW - 3 * MINUTE },
    { id: "s-zoe", name: "Zoë", username: "zoe_designs", texts: [{ text: "Adoro o sofá 🛋️ e a mesa 😀😀😀" }], at: NOW - 4 * MINUTE },
    { id: "s-promo", name: "Promo Bot", username: "promo.bot", texts: [{ text: 'Get 50% off_today (promo) "vip" -x* OR y: NEAR(a b) back\\slash' }], at: NOW - 5 * MINUTE },
    { id: "s-quiet", name: null, username: null, texts: [{ text: null }], at: NOW - 6 * MINUTE },
    { id: "s-regret", name: "Rita Regret", username: "rita.r", texts: [{ text: "my secret address is Rua Augusta 12", deleted: true }, { text: "hello" }], at: NOW - 7 * MINUTE },
    { id: "s-spam", name: "Spam Quintanilha", username: "spam", texts: [{ text: "Buy followers" }], at: NOW - 8 * MINUTE, hidden: true },
    { id: "s-old", channel: "WHATSAPP", name: "Joana Arquivada", phone: "351966000222", texts: [{ text: "Obrigada, we bought the armchair elsewhere" }, { text: "Still thinking about the armchair" }], at: NOW - 9 * MINUTE, status: "ARCHIVED" },
  ]);
});

afterAll(() => pipeline?.stop());

describe(`conversation search (${TEST_DATABASE})`, () => {
  it("finds names, @usernames, phone numbers as people type them, and message text, in any case", async () => {
    expect(await found("Quintanilha")).toEqual(["s-maria"]);
    expect(await found("QUINTANILHA")).toEqual(["s-maria"]);
    expect(await found("@ana.co")).toEqual(["s-ana"]);
    expect(await found("ana.costa")).toEqual(["s-ana"]);
    expect(await found("+351 934 000")).toEqual(["s-joao"]);
    expect(await found("912-345")).toEqual(["s-maria"]);
    expect(await found("braga on saturdays")).toEqual(["s-joao"]);
    expect(await found("BLUE SOFA")).toEqual(["s-ana"]);
    expect(await found("gonçalves")).toEqual(["s-joao"]);
    expect(await found("nothing like this")).toEqual([]);
    // Blocked contacts stay out, whatever matches.
    expect(await found("followers")).toEqual([]);
    // Digits inside a word are not a phone number: "ana934" must not match +351 934 000 111.
    expect(await found("ana934")).toEqual([]);
  });

  it("folds accents both ways, and reads numbers dialled with 00 or spaces", async () => {
    expect(await found("joao goncalves")).toEqual(["s-joao"]);
    expect(await found("JOÃO")).toEqual(["s-joao"]);
    expect(await found("sofa")).toEqual(["s-ana", "s-zoe"]);
    expect(await found("SOFÁ")).toEqual(["s-ana", "s-zoe"]);
    expect(await found("00351 934 000 111")).toEqual(["s-joao"]);
    expect(await found("0035191234")).toEqual(["s-maria"]);
  });

  it("looks in every view, says which each hit is in, and names the newest matching message", async () => {
    for (const filter of ["open", "unread", "mine", "archived"]) {
      expect(await found("Arquivada", { filter }), filter).toEqual(["s-old"]);
    }
    const [hit] = (await list({ q: "armchair" })).conversations as unknown as { id: string; status: string; matchedMessage: { text: string } | null }[];
    expect(hit).toMatchObject({ id: "s-old", status: "ARCHIVED", matchedMessage: { text: "Obrigada, we bought the armchair elsewhere" } });
    const [byName] = (await list({ q: "Joana" })).conversations as unknown as { matchedMessage: unknown }[];
    expect(byName.matchedMessage).toBeNull();
  });

  it("answers queries too short for trigrams, and emoji", async () => {
    expect(await found("ok")).toEqual(["s-joao"]);
    expect(await found("Zo")).toEqual(["s-zoe"]);
    // Folded, "ë" is any "e" (PostgreSQL folds short queries too; SQLite only from three characters).
    expect(await found("ë")).toContain("s-zoe");
    expect(await found("🛋️")).toEqual(["s-zoe"]);
    expect(await found("😀😀😀")).toEqual(["s-zoe"]);
    // Accents fold: "sofá" is "sofa" too.
    expect(await found("sofá")).toEqual(["s-ana", "s-zoe"]);
    // "a" is in nearly every row: the walk fills the page from the top.
    expect((await found("a")).slice(0, 3)).toEqual(["s-ana", "s-maria", "s-joao"]);
  });

  it("reads FTS5 operators, quotes and LIKE wildcards as plain text, and never fails on them", async () => {
    for (const q of ['"vip"', "(promo)", "-x*", "OR y:", "NEAR(a b)", "50% off_today", "back\\slash", '"', "*", "(", ")", "-x", ":", "\\", "%", "_today"]) {
      const ids = await found(q);
      expect(ids, q).toContain("s-promo");
      if ([...q].length >= 3) expect(ids, q).toEqual(["s-promo"]);
    }
    // Wildcards match themselves only: "_" is not any one character, "%" not any run of them.
    expect(await found("50%")).toEqual(["s-promo"]);
    expect(await found("zoe_")).toEqual(["s-zoe"]);
    expect(await found("blu_")).toEqual([]);
    expect(await found("b%e")).toEqual([]);
    expect(await found("%")).toEqual(["s-promo"]);
    expect(await found("_")).toEqual(["s-zoe", "s-promo"]);
    const hostile = ["AND", "NOT", "OR", "NEAR", "^", "'", "''", "%%", "__", "' OR 1=1 --", '"; DROP TABLE "Message"; --', "\u0001\u001fx",
      "💥🔥👨‍👩‍👧‍👦", "مرحبا", "x".repeat(100), "@", "+", "   ", "{displayName} : x", "text : x*"];
    for (const q of hostile) {
      expect((await callApi(pipeline.app.url, pipeline.cookie, "GET", `/api/inbox/conversations?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
    expect((await callApi(pipeline.app.url, pipeline.cookie, "GET", `/api/inbox/conversations?q=${"x".repeat(101)}`)).status).toBe(422);
    // NUL is refused before any route runs (PostgreSQL can't store it in text anyway).
    expect((await callApi(pipeline.app.url, pipeline.cookie, "GET", "/api/inbox/conversations?q=%00x")).status).toBe(400);
  });

  it("never finds what an unsent message said", async () => {
    expect(await found("Rua Augusta")).toEqual([]);
    expect(await found("rita.r")).toEqual(["s-regret"]);
  });

  it("follows edits and unsends that arrive by webhook, and contacts that are deleted", async () => {
    const deliver = async (payload: unknown) => {
      const res = await postWebhook({ appUrl: pipeline.app.url, channel: "instagram", payload, appSecret: INSTAGRAM_SECRET });
      expect(res.status).toBe(200);
      const { eventId } = (await res.json()) as { eventId: string };
      expect((await eventProcessed(db, eventId)).status).toBe("PROCESSED");
    };
    const igsid = igsidFor("search.editor");
    const mid = newInstagramMid();
    await deliver(instagramText({ senderId: igsid, mid, text: "Do you have the ottoman in green?" }));
    const conversationId = (await db.conversation.findFirstOrThrow({ where: { contact: { externalId: igsid } }, select: { id: true } })).id;
    expect(await found("ottoman in green")).toEqual([conversationId]);

    await deliver(instagramEdit({ senderId: igsid, mid, text: "Do you have the footstool in velvet?" }));
    expect(await found("ottoman")).toEqual([]);
    expect(await found("footstool in velvet")).toEqual([conversationId]);

    await deliver(instagramDeleted({ senderId: igsid, mid }));
    expect(await found("footstool")).toEqual([]);

    await seed([{ id: "s-gone", name: "Gone Customer", texts: [{ text: "a hassock please" }], at: NOW - 9 * MINUTE }]);
    expect(await found("hassock")).toEqual(["s-gone"]);
    await db.contact.delete({ where: { id: "ct-s-gone" } });
    expect(await found("hassock")).toEqual([]);
    expect(await found("Gone Customer")).toEqual([]);
  });

  describe("gives the same pages as a reference, through the index and through the walk", () => {
    // More conversations than the index answers for, so a common word takes the walk.
    const COUNT = MAX_INDEXED_MATCHES + 150;
    const SURNAMES = ["Ferreira", "Pinto", "Gomes"];
    const bulk = Array.from({ length: COUNT }, (_, i) => {
      const whatsapp = i % 2 === 1;
      return {
        id: `b-${String(i).padStart(5, "0")}`,
        channel: whatsapp ? ("WHATSAPP" as const) : ("INSTAGRAM" as const),
        name: `Bulk ${i} ${SURNAMES[i % 3]}`,
        username: whatsapp ? null : `bulk.${i}`,
        phone: whatsapp ? `4479${String(i).padStart(8, "0")}` : null,
        texts: [
          { text: `order ${i}: the ${i % 50 === 0 ? "tassel" : "plain"} cushion, please${i % 150 === 0 ? " zq" : ""}` },
          i % 40 === 1 ? { text: `secret ${i}`, deleted: true } : { text: `thanks ${i}`, deleted: false },
        ],
        // Pairs share a time: the id decides their order.
        at: NOW - 60 * MINUTE - Math.floor(i / 2) * MINUTE,
        status: i % 7 === 0 ? ("ARCHIVED" as const) : ("OPEN" as const),
        hidden: i % 11 === 0,
        unread: i % 3 === 0 ? 2 : 0,
        assigned: i % 5 === 0,
      };
    });
    type Bulk = (typeof bulk)[number];

    // A search looks in every view (open, archived, anyone's): only the channel tab narrows it.
    const VIEWS: Record<string, (row: Bulk) => boolean>[] = [
      { "": () => true },
      { "channel=whatsapp": (row) => row.channel === "WHATSAPP" },
      { "filter=unread": () => true },
      { "channel=instagram&filter=unread": (row) => row.channel === "INSTAGRAM" },
      { "filter=mine": () => true },
      { "filter=archived": () => true },
    ];

    /** The search's meaning, for these ASCII rows, written the obvious way. */
    function reference(q: string, inView: (row: Bulk) => boolean): string[] {
      const needle = q.toLowerCase();
      const digits = q.replace(/\D/g, "");
      const phoneLike = digits.length >= 3 && /^[+\d\s().-]+$/.test(q);
      return bulk
        .filter((row) => !row.hidden && inView(row))
        .filter(
          (row) =>
            row.name.toLowerCase().includes(needle) ||
            (row.username?.includes(needle.replace(/^@/, "")) ?? false) ||
            (phoneLike && (row.phone?.includes(digits) ?? false)) ||
            row.texts.some((message) => !message.deleted && message.text.toLowerCase().includes(needle)),
        )
        .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
        .map((row) => row.id);
    }

    beforeAll(() => seed(bulk));

    const QUERIES = [
      ["tassel", "in a few dozen messages: the index"],
      ["cushion", "in every conversation: the walk"],
      ["bulk 1", "in a few hundred names: the index"],
      ["Ferreira", "in a third of the names: the index"],
      ["@bulk.2", "usernames"],
      ["+44 79", "every WhatsApp number: the index"],
      ["zq", "two characters in a few conversations: a scan, not the index"],
      ["pl", "two characters in every conversation: a scan, then the walk"],
      ["thanks", "in nearly every conversation: the walk"],
      ["secret", "only in unsent messages"],
    ] as const;

    it.each(QUERIES)("%s (%s)", async (q) => {
      for (const view of VIEWS) {
        const [query, inView] = Object.entries(view)[0];
        const expected = reference(q, inView);
        const params = Object.fromEntries(new URLSearchParams(query));
        expect(await allPages(q, params, 37), `${q} / ${query || "open"}`).toEqual(expected);
      }
    });

    it("fills the first page of a common word", async () => {
      expect(reference("cushion", VIEWS[0][""]).length).toBeGreaterThan(MAX_INDEXED_MATCHES / 2);
      expect((await found("cushion")).length).toBe(30);
    });
  });
});
