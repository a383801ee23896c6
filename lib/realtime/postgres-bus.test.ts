import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPostgresBus, POSTGRES_BUS_APPLICATION_NAME, POSTGRES_BUS_CHANNEL, type PostgresBus } from "@/lib/realtime/postgres-bus";
import type { InboxEvent } from "@/lib/realtime/types";
import { createTestDatabase, describeWithPostgres, type TestDatabase } from "@/tests/helpers/postgres";

function collect(bus: PostgresBus): InboxEvent[] {
  const events: InboxEvent[] = [];
  bus.subscribe((event) => events.push(event));
  return events;
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const message = (id: string): InboxEvent => ({ type: "message.created", conversationId: "c1", messageId: id, channel: "instagram" });

describeWithPostgres("PostgreSQL event bus", () => {
  let database: TestDatabase;
  const buses: PostgresBus[] = [];
  const logs: string[] = [];

  function bus(log: string[] = logs) {
    const created = createPostgresBus(database.url, { reconnectDelayMs: { initial: 50, max: 200 }, log: (line) => log.push(line) });
    buses.push(created);
    return created;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(buses.map((created) => created.close()));
    await database?.drop();
  });

  it("delivers an event published on one instance to the other, and once to the publisher's own subscribers", async () => {
    const [a, b] = [bus(), bus()];
    const [onA, onB] = [collect(a), collect(b)];
    await Promise.all([a.ready(), b.ready()]);
    await a.publish(message("m1"));
    await waitFor(() => onB.length === 1);
    await b.publish(message("m2"));
    await waitFor(() => onA.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100)); // room for a wrong echo to arrive
    expect(onA).toEqual([message("m1"), message("m2")]);
    expect(onB).toEqual([message("m1"), message("m2")]);
  });

  it("stops delivering to a subscriber that unsubscribed", async () => {
    const [a, b] = [bus(), bus()];
    const received: InboxEvent[] = [];
    const stop = b.subscribe((event) => received.push(event));
    const control = collect(b);
    await b.ready();
    stop();
    await a.publish(message("m3"));
    await waitFor(() => control.length === 1);
    expect(received).toEqual([]);
  });

  it("listens again after PostgreSQL drops its connection", async () => {
    const bLogs: string[] = [];
    const [a, b] = [bus(), bus(bLogs)];
    const onB = collect(b);
    await Promise.all([a.ready(), b.ready()]);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND query ILIKE 'LISTEN%'`,
        [POSTGRES_BUS_APPLICATION_NAME],
      );
      expect(killed.rowCount).toBeGreaterThanOrEqual(2);
    } finally {
      await admin.end();
    }
    await waitFor(() => bLogs.some((line) => line.includes("listening connection lost")));
    await b.ready();
    await a.publish(message("after-reconnect"));
    await waitFor(() => onB.some((event) => event.type === "message.created" && event.messageId === "after-reconnect"));
  });

  it("ignores malformed notifications from elsewhere", async () => {
    const b = bus();
    const onB = collect(b);
    await b.ready();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_notify($1, $2)", [POSTGRES_BUS_CHANNEL, "not json"]);
      await admin.query("SELECT pg_notify($1, $2)", [POSTGRES_BUS_CHANNEL, JSON.stringify({ origin: "other", event: message("m4") })]);
    } finally {
      await admin.end();
    }
    await waitFor(() => onB.length === 1);
    expect(onB).toEqual([message("m4")]);
    expect(logs.some((line) => line.includes("malformed"))).toBe(true);
  });
});
