import type Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApp, TEST_ADMIN, type RunningApp } from "../helpers/app";
import { describeOnSqlite, openSqlite, seedConversation, seedMessage } from "../helpers/inbox-seed";
import { createUser, signIn } from "../helpers/session";

const AGENT = { name: "Alex Agent", email: "agent@example.com", password: "agent-password-1", role: "AGENT" as const };
const MINUTE = 60_000;

interface ListItem {
  id: string;
  channel: string;
  unreadCount: number;
  contact: { displayName: string | null; instagramUsername: string | null; whatsappId: string | null };
  assignee: { id: string; name: string } | null;
}

describeOnSqlite("inbox API", () => {
  let app: RunningApp;
  let database: Database.Database;
  let admin: string;
  let agent: string;
  let agentId: string;
  const ids: Record<string, string> = {};

  const get = async (path: string, cookie = admin) => {
    const res = await fetch(`${app.url}${path}`, { headers: { cookie } });
    return { status: res.status, body: await res.json() };
  };
  const send = async (method: string, path: string, body?: unknown, cookie = admin) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { cookie, "Content-Type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };
  const list = async (query = "", cookie = admin) => {
    const { status, body } = await get(`/api/inbox/conversations${query}`, cookie);
    expect(status).toBe(200);
    return body as { conversations: ListItem[]; nextCursor: string | null; unreadCounts?: Record<string, number> };
  };

  beforeAll(async () => {
    app = await startApp();
    await createUser(app, AGENT);
    [admin, agent] = await Promise.all([signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password), signIn(app.url, AGENT.email, AGENT.password)]);
    database = openSqlite(app);
    agentId = (database.prepare("SELECT id FROM User WHERE email = ?").get(AGENT.email) as { id: string }).id;
    const now = Date.now();
    ids.ana = seedConversation(database, { channel: "INSTAGRAM", name: "Ana Costa", username: "ana.costa", text: "Is the blue sofa available?", at: now - 1 * MINUTE, unread: 2 }).conversationId;
    ids.maria = seedConversation(database, { channel: "WHATSAPP", name: "Maria Silva", phone: "351912345678", text: "Quote for 3 chairs", at: now - 2 * MINUTE, unread: 1 }).conversationId;
    ids.joao = seedConversation(database, { channel: "WHATSAPP", name: "João Pereira", phone: "351934000111", text: "Thanks!", at: now - 3 * MINUTE, assigneeId: agentId }).conversationId;
    ids.old = seedConversation(database, { channel: "INSTAGRAM", name: "Old Lead", username: "old.lead", text: "Bought it", at: now - 60 * MINUTE, status: "ARCHIVED" }).conversationId;
    ids.hidden = seedConversation(database, { channel: "INSTAGRAM", name: "Spam Bot", username: "spam", text: "Buy followers", at: now, hidden: true }).conversationId;
    seedMessage(database, { conversationId: ids.joao, channel: "WHATSAPP", text: "Do you deliver to Braga on Saturdays?", at: now - 4 * MINUTE });
  });
  afterAll(async () => {
    database?.close();
    await app?.stop();
  });

  it("lists open conversations newest first, with per-tab unread counts, and never blocked ones", async () => {
    const page = await list();
    expect(page.conversations.map((c) => c.id)).toEqual([ids.ana, ids.maria, ids.joao]);
    expect(page.unreadCounts).toEqual({ all: 2, whatsapp: 1, instagram: 1, messenger: 0 });
    expect(page.nextCursor).toBeNull();
    expect(JSON.stringify(page)).not.toContain("passwordHash");
  });

  it("filters by channel tab and by view: unread, assigned to me, archived", async () => {
    expect((await list("?channel=whatsapp")).conversations.map((c) => c.id)).toEqual([ids.maria, ids.joao]);
    expect((await list("?channel=instagram")).conversations.map((c) => c.id)).toEqual([ids.ana]);
    expect((await list("?filter=unread")).conversations.map((c) => c.id)).toEqual([ids.ana, ids.maria]);
    expect((await list("?filter=mine", agent)).conversations.map((c) => c.id)).toEqual([ids.joao]);
    expect((await list("?filter=mine")).conversations).toEqual([]);
    expect((await list("?filter=archived")).conversations.map((c) => c.id)).toEqual([ids.old]);
  });

  it("searches names, @usernames, phone numbers as people type them, and message text", async () => {
    const found = async (q: string) => (await list(`?q=${encodeURIComponent(q)}`)).conversations.map((c) => c.id);
    expect(await found("maria")).toEqual([ids.maria]);
    expect(await found("@ana.co")).toEqual([ids.ana]);
    expect(await found("+351 934 000")).toEqual([ids.joao]);
    expect(await found("braga on saturdays")).toEqual([ids.joao]);
    expect(await found("nothing like this")).toEqual([]);
    expect(await found("spam")).toEqual([]);
    // Digits inside a word are not a phone number: "customer 934" must not match +351 934 000 111.
    expect(await found("ana934")).toEqual([]);
  });

  it("answers 422 for an unknown view or tab and 400 for a forged cursor", async () => {
    const bad = await get("/api/inbox/conversations?filter=everything");
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect((await get("/api/inbox/conversations?channel=fax")).status).toBe(422);
    const cursor = await get("/api/inbox/conversations?cursor=not-a-cursor");
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe("BAD_REQUEST");
  });

  it("pages through with cursors without gaps or repeats, ties broken by id", async () => {
    const at = Date.now() - 24 * 60 * MINUTE;
    const seeded = new Set<string>();
    for (let i = 0; i < 45; i++) {
      // Groups of three share a timestamp: the id decides their order.
      seeded.add(seedConversation(database, { channel: "WHATSAPP", name: `Bulk ${i}`, at: at - Math.floor(i / 3) * MINUTE }).conversationId);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`?channel=whatsapp&limit=10${cursor ? `&cursor=${cursor}` : ""}`);
      if (pages > 0) expect(page.unreadCounts).toBeUndefined();
      seen.push(...page.conversations.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => seeded.has(id))).toHaveLength(45);
    const bulk = seen.filter((id) => seeded.has(id));
    const rows = database
      .prepare(`SELECT id FROM Conversation WHERE id IN (${bulk.map(() => "?").join(",")}) ORDER BY lastMessageAt DESC, id DESC`)
      .all(...bulk) as { id: string }[];
    expect(bulk).toEqual(rows.map((row) => row.id));
  });

  it("opens a conversation with its contact, lead and reply window, and 404s an unknown one", async () => {
    const { status, body } = await get(`/api/inbox/conversations/${ids.maria}`);
    expect(status).toBe(200);
    expect(body.conversation.contact.displayName).toBe("Maria Silva");
    expect(body.conversation.contact.lead.status).toBe("NEW");
    expect(body.conversation.blocked).toBe(false);
    const closesIn = new Date(body.conversation.windowClosesAt).getTime() - Date.now();
    expect(closesIn).toBeGreaterThan(23 * 60 * MINUTE);
    expect(closesIn).toBeLessThanOrEqual(24 * 60 * MINUTE);
    const missing = await get("/api/inbox/conversations/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });

  it("pages a thread newest first and hides what an unsent message said", async () => {
    const { conversationId } = seedConversation(database, { name: "Long Thread", at: Date.now() - 2 * 24 * 60 * MINUTE });
    const start = Date.now() - 2 * 24 * 60 * MINUTE - 200 * MINUTE;
    for (let i = 0; i < 120; i++) seedMessage(database, { conversationId, text: `message ${i}`, at: start + i * MINUTE });
    seedMessage(database, { conversationId, text: "secret I regret", at: start - MINUTE, status: "DELETED" });
    const first = (await get(`/api/inbox/conversations/${conversationId}/messages?limit=50`)).body;
    expect(first.messages).toHaveLength(50);
    expect(first.messages.at(-1).text).toBe("Hello there");
    expect(first.messages[0].text).toBe("message 71");
    const texts: string[] = [];
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = (await get(`/api/inbox/conversations/${conversationId}/messages?limit=50&cursor=${cursor}`)).body;
      texts.unshift(...page.messages.map((m: { text: string | null }) => m.text));
      cursor = page.nextCursor;
    }
    expect(texts).toHaveLength(72);
    expect(texts[0]).toBeNull();
    expect(texts[1]).toBe("message 0");
    expect(JSON.stringify(texts)).not.toContain("regret");
  });

  it("marks a conversation read: its unread count and the tab badges drop", async () => {
    const res = await send("POST", `/api/inbox/conversations/${ids.ana}/read`);
    expect(res.status).toBe(200);
    const page = await list();
    expect(page.conversations.find((c) => c.id === ids.ana)?.unreadCount).toBe(0);
    expect(page.unreadCounts).toMatchObject({ all: 1, instagram: 0, whatsapp: 1 });
  });

  it("PATCH archives, assigns, sets the lead status and adds a note; refuses nonsense", async () => {
    const path = `/api/inbox/conversations/${ids.maria}`;
    const patched = await send("PATCH", path, { assigneeId: agentId, leadStatus: "QUALIFIED", note: "Wants 3 oak chairs by May" }, admin);
    expect(patched.status).toBe(200);
    expect(patched.body.conversation.assignee).toEqual({ id: agentId, name: AGENT.name });
    expect(patched.body.conversation.contact.lead.status).toBe("QUALIFIED");
    expect(patched.body.conversation.contact.lead.notes[0]).toMatchObject({ body: "Wants 3 oak chairs by May", author: { name: TEST_ADMIN.name } });
    expect((await list("?filter=mine", agent)).conversations.map((c) => c.id)).toContain(ids.maria);
    const leadDates = () =>
      database.prepare(`SELECT l."statusChangedAt", l."wonAt" FROM "Lead" l JOIN "Conversation" c ON c."leadId" = l."id" WHERE c."id" = ?`).get(ids.maria) as { statusChangedAt: string | null; wonAt: string | null };
    expect(leadDates()).toMatchObject({ statusChangedAt: expect.any(String), wonAt: null });
    expect((await send("PATCH", path, { leadStatus: "WON" }, admin)).status).toBe(200);
    expect(leadDates().wonAt).toEqual(expect.any(String));
    expect((await send("PATCH", path, { leadStatus: "QUALIFIED" }, admin)).status).toBe(200);
    expect(leadDates().wonAt).toBeNull();

    expect((await send("PATCH", path, { status: "ARCHIVED" })).status).toBe(200);
    expect((await list()).conversations.map((c) => c.id)).not.toContain(ids.maria);
    expect((await list("?filter=archived")).conversations.map((c) => c.id)).toContain(ids.maria);
    expect((await send("PATCH", path, { status: "OPEN", assigneeId: null })).body.conversation.assignee).toBeNull();

    const unknownUser = await send("PATCH", path, { assigneeId: "nobody" });
    expect(unknownUser.status).toBe(422);
    expect(unknownUser.body.error.details[0].field).toBe("assigneeId");
    expect((await send("PATCH", path, {})).status).toBe(422);
    expect((await send("PATCH", path, { status: "DELETED" })).status).toBe(422);
    expect((await send("PATCH", path, { colour: "red" })).status).toBe(422);
    const invalidJson = await send("PATCH", path, "{not json");
    expect(invalidJson.status).toBe(400);
    expect(invalidJson.body.error.code).toBe("INVALID_JSON");
    expect((await send("PATCH", "/api/inbox/conversations/nope", { status: "OPEN" })).status).toBe(404);
  });

  it("blocks a contact out of the inbox onto the blocklist, and undo brings them back", async () => {
    const blocked = await send("POST", `/api/inbox/conversations/${ids.joao}/block`);
    expect(blocked).toEqual({ status: 200, body: { blocked: true } });
    expect((await send("POST", `/api/inbox/conversations/${ids.joao}/block`)).status).toBe(200);
    expect((await list()).conversations.map((c) => c.id)).not.toContain(ids.joao);
    expect((await list("?q=braga")).conversations).toEqual([]);
    expect(database.prepare("SELECT COUNT(*) AS n FROM BlockedContact WHERE name = 'João Pereira'").get()).toEqual({ n: 1 });
    expect((await get(`/api/inbox/conversations/${ids.joao}`)).body.conversation.blocked).toBe(true);

    const undone = await send("DELETE", `/api/inbox/conversations/${ids.joao}/block`);
    expect(undone).toEqual({ status: 200, body: { blocked: false } });
    expect((await list()).conversations.map((c) => c.id)).toContain(ids.joao);
    expect(database.prepare("SELECT COUNT(*) AS n FROM BlockedContact").get()).toEqual({ n: 0 });
  });

  it("keeps team-wide quick replies: create, list, edit, delete, with unique shortcuts", async () => {
    const created = await send("POST", "/api/inbox/quick-replies", { shortcut: "Hours", body: "We're open 9–18, Mon–Sat." });
    expect(created.status).toBe(201);
    expect(created.body.quickReply).toMatchObject({ shortcut: "hours", createdBy: { name: TEST_ADMIN.name } });
    const id = created.body.quickReply.id;

    const duplicate = await send("POST", "/api/inbox/quick-replies", { shortcut: "hours", body: "again" }, agent);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe("CONFLICT");
    expect((await send("POST", "/api/inbox/quick-replies", { shortcut: "two words", body: "x" })).status).toBe(422);
    expect((await send("POST", "/api/inbox/quick-replies", { shortcut: "empty", body: "  " })).status).toBe(422);

    const listed = await get("/api/inbox/quick-replies", agent);
    expect(listed.body.quickReplies.map((r: { shortcut: string }) => r.shortcut)).toEqual(["hours"]);
    const edited = await send("PATCH", `/api/inbox/quick-replies/${id}`, { body: "Open 9–19 now." }, agent);
    expect(edited.body.quickReply.body).toBe("Open 9–19 now.");
    expect((await send("DELETE", `/api/inbox/quick-replies/${id}`, undefined, agent)).status).toBe(204);
    expect((await send("DELETE", `/api/inbox/quick-replies/${id}`)).status).toBe(404);
    expect((await get("/api/inbox/quick-replies")).body.quickReplies).toEqual([]);
  });

  it("lists the team for the assign menu without emails", async () => {
    const { body } = await get("/api/inbox/team", agent);
    expect(body.team.map((member: { name: string }) => member.name)).toEqual([TEST_ADMIN.name, AGENT.name]);
    expect(JSON.stringify(body)).not.toContain("@example.com");
  });

  it("protects every inbox route with the session", async () => {
    for (const path of [
      "/api/inbox/conversations",
      `/api/inbox/conversations/${ids.ana}`,
      `/api/inbox/conversations/${ids.ana}/messages`,
      "/api/inbox/quick-replies",
      "/api/inbox/team",
      "/api/inbox/events",
    ]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHORIZED");
    }
    expect((await fetch(`${app.url}/api/inbox/conversations/${ids.ana}/read`, { method: "POST" })).status).toBe(401);
  });

  it("streams inbox events over SSE to signed-in staff", async () => {
    const abort = new AbortController();
    const res = await fetch(`${app.url}/api/inbox/events`, { headers: { cookie: agent }, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value);
    expect(received).toMatch(/^retry: \d+/);
    await send("PATCH", `/api/inbox/conversations/${ids.ana}`, { leadStatus: "CONTACTED" });
    // Arriving at all is the behaviour; how fast is the bench's business (a loaded machine swings by half).
    while (!received.includes("data:")) received += decoder.decode((await reader.read()).value);
    const line = received.split("\n").find((l) => l.startsWith("data: "))!;
    expect(JSON.parse(line.slice(6))).toEqual({ type: "conversation.updated", conversationId: ids.ana, channel: "instagram" });
    abort.abort();
  });
});

describeOnSqlite("inbox page: first screen", () => {
  let app: RunningApp;
  let cookie: string;
  beforeAll(async () => {
    app = await startApp();
    cookie = await signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(() => app?.stop());

  const page = async (path = "/inbox") => (await fetch(`${app.url}${path}`, { headers: { cookie } })).text();

  it("guides the admin of a new install: connect a channel, invite the team, try the simulator", async () => {
    const html = await page();
    expect(html).toContain("Three steps to a working inbox");
    expect(html).toContain("Connect a channel");
    expect(html).toContain("/settings/integrations");
    expect(html).toContain("Invite your team");
    expect(html).toContain("/settings/team");
    expect(html).toContain("npm run meta:simulate -- --demo");
  });

  it("warns in the header when a channel needs reconnecting or its token expires within 7 days, without secrets", async () => {
    const database = openSqlite(app);
    const now = new Date().toISOString().replace("Z", "+00:00");
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().replace("Z", "+00:00");
    database
      .prepare(`INSERT INTO Integration (id, name, accessToken, config, tokenExpiresAt, needsReconnect, createdAt, updatedAt) VALUES (?, ?, ?, '{}', ?, ?, ?, ?)`)
      .run("int1", "instagram", "sealed-token-value", null, 1, now, now);
    database
      .prepare(`INSERT INTO Integration (id, name, accessToken, config, tokenExpiresAt, needsReconnect, createdAt, updatedAt) VALUES (?, ?, ?, '{}', ?, ?, ?, ?)`)
      .run("int2", "whatsapp", "sealed-token-value", soon, 0, now, now);
    database.close();
    const html = await page();
    expect(html).toContain("Instagram is disconnected");
    expect(html).toMatch(/WhatsApp.s access token expires in 3 days/);
    expect(html).toContain("Reconnect in Settings");
    expect(html).not.toContain("sealed-token-value");
  });

  it("renders the list and the open conversation from the URL, without marking it read (a GET has no side effects)", async () => {
    const database = openSqlite(app);
    const { conversationId } = seedConversation(database, { channel: "WHATSAPP", name: "Rui Server", text: "Rendered on the server", unread: 3 });
    const html = await page(`/inbox?channel=whatsapp&c=${conversationId}`);
    expect(html).toContain("Rui Server");
    expect(html).toContain("Rendered on the server");
    // The browser marks it read once it shows the thread (POST …/read); a prefetch or a crawler must not.
    expect(database.prepare("SELECT unreadCount FROM Conversation WHERE id = ?").get(conversationId)).toEqual({ unreadCount: 3 });
    database.close();
  });
});
