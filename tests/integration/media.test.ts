// Customers' media kept after Meta's links expire: downloaded by the media worker after the webhook
// is answered, served from storage (local disk, or the in-repo fake S3) behind a session, retried
// with backoff, marked FAILED / TOO_LARGE when it can never be kept, and thumbnails for images.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  DEMO_INSTAGRAM_ACCOUNT_ID,
  DEMO_PHONE_NUMBER_ID,
  igsidFor,
  instagramAttachment,
  newInstagramMid,
  postWebhook,
  waIdFor,
  whatsappMedia,
} from "../../scripts/meta-sim/payloads";
import { startFakeS3, type FakeS3 } from "../../scripts/fake-s3/start-fake-s3";
import { startFakeGraph, type FakeGraph } from "../../scripts/fake-graph/start-fake-graph";
import { callApi } from "../helpers/api";
import { startApp, type RunningApp } from "../helpers/app";
import { eventProcessed, openDatabase, waitFor } from "../helpers/database";
import { createTestDatabase, describeWithPostgres, type TestDatabase } from "../helpers/postgres";
import { startPipeline, type Pipeline } from "../helpers/pipeline";

const IG_SECRET = "instagram-app-secret-for-media";
const WA_SECRET = "whatsapp-app-secret-for-media";
const MAX_BYTES = 200_000;
const RETRY_BASE_MS = 300;

const channelEnv = {
  INSTAGRAM_APP_SECRET: IG_SECRET,
  INSTAGRAM_VERIFY_TOKEN: "ig-verify",
  INSTAGRAM_PAGE_ID: DEMO_INSTAGRAM_ACCOUNT_ID,
  INSTAGRAM_ACCESS_TOKEN: "instagram-access-token",
  WHATSAPP_APP_SECRET: WA_SECRET,
  WHATSAPP_VERIFY_TOKEN: "wa-verify",
  WHATSAPP_PHONE_NUMBER_ID: DEMO_PHONE_NUMBER_ID,
  WHATSAPP_BUSINESS_ACCOUNT_ID: "102290129340398",
  WHATSAPP_ACCESS_TOKEN: "whatsapp-access-token",
  MEDIA_MAX_BYTES: String(MAX_BYTES),
  MEDIA_RETRY_BASE_MS: String(RETRY_BASE_MS),
  MEDIA_MAX_ATTEMPTS: "3",
  MEDIA_SWEEP_INTERVAL_MS: "500",
};

let photo: Buffer;
beforeAll(async () => {
  photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#c0392b" } }).jpeg().toBuffer();
});

async function deliver(pipeline: Pipeline, channel: "instagram" | "whatsapp", payload: unknown) {
  const res = await postWebhook({ appUrl: pipeline.app.url, channel, payload, appSecret: channel === "instagram" ? IG_SECRET : WA_SECRET });
  expect(res.status).toBe(200);
  const { eventId } = (await res.json()) as { eventId: string };
  await eventProcessed(pipeline.db, eventId);
}

async function igImage(pipeline: Pipeline, url: string) {
  const mid = newInstagramMid();
  await deliver(pipeline, "instagram", instagramAttachment({ senderId: igsidFor(`media.${mid.slice(-8)}`), type: "image", url, mid }));
  const message = await pipeline.db.message.findUniqueOrThrow({ where: { channel_externalId: { channel: "INSTAGRAM", externalId: mid } } });
  return { message };
}

async function waImage(pipeline: Pipeline, mediaId: string, type: "image" | "video" = "image") {
  const payload = whatsappMedia({ from: waIdFor(`media.${mediaId}`), type, mediaId, mimeType: type === "image" ? "image/jpeg" : "video/mp4" });
  const wamid = payload.entry[0].changes[0].value.messages![0].id;
  await deliver(pipeline, "whatsapp", payload);
  return pipeline.db.message.findUniqueOrThrow({ where: { channel_externalId: { channel: "WHATSAPP", externalId: wamid } } });
}

function settled(db: PrismaClient, messageId: string, timeoutMs = 15_000) {
  return waitFor(
    async () => {
      const file = await db.mediaFile.findUnique({ where: { messageId_attachmentIndex: { messageId, attachmentIndex: 0 } } });
      return file && file.status !== "PENDING" ? file : undefined;
    },
    `media of ${messageId} settled`,
    timeoutMs,
  );
}

const media = (pipeline: Pipeline, messageId: string, suffix = "", headers: Record<string, string> = {}) =>
  fetch(`${pipeline.app.url}/api/inbox/media/${messageId}/0${suffix}`, { headers: { cookie: pipeline.cookie, ...headers } });

const cdnRequests = (graph: FakeGraph, filePath: string) => graph.requests().filter((request) => request.path === `/cdn/${filePath}`);

describe("media kept on local disk", () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await startPipeline({ graphPort: 0, env: channelEnv });
  });
  afterAll(() => pipeline?.stop());

  it("an Instagram image is downloaded after the 200 and served from storage once Meta's link expired", async () => {
    const url = pipeline.graph.addCdnFile("ig/first-photo.jpg", photo, "image/jpeg", { expireAfterDownloads: 1 });
    // Meta's CDN is slow today: the webhook must not wait for it.
    pipeline.graph.program({ match: { pathIncludes: "/cdn/ig/first-photo.jpg" }, times: 1, respond: { delayMs: 1_500 } });
    const { message } = await igImage(pipeline, url);
    // Still PENDING once the delivery is processed: the 200 did not wait for the slow CDN (no clock needed).
    expect((await pipeline.db.mediaFile.findFirstOrThrow({ where: { messageId: message.id } })).status).toBe("PENDING");

    const file = await settled(pipeline.db, message.id);
    expect(file).toMatchObject({ status: "STORED", contentType: "image/jpeg", size: photo.length, width: 800, height: 600, attempts: 1 });
    expect((await fetch(url)).status).toBe(403);

    const res = await media(pipeline, message.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);

    const thumb = await media(pipeline, message.id, "?variant=thumb");
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const thumbSize = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([thumbSize.format, thumbSize.width, thumbSize.height]).toEqual(["webp", 320, 240]);

    const part = await media(pipeline, message.id, "", { range: "bytes=0-9" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-9/${photo.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
  });

  it("the thread and the list carry the media state and the preview thumbnail", async () => {
    const url = pipeline.graph.addCdnFile("ig/list-photo.jpg", photo, "image/jpeg");
    const { message } = await igImage(pipeline, url);
    await settled(pipeline.db, message.id);
    const thread = await callApi(pipeline.app.url, pipeline.cookie, "GET", `/api/inbox/conversations/${message.conversationId}/messages`);
    const shown = thread.body.messages.find((row: { id: string }) => row.id === message.id);
    expect(shown.mediaFiles).toEqual([
      expect.objectContaining({ attachmentIndex: 0, status: "STORED", width: 800, height: 600, contentType: "image/jpeg" }),
    ]);
    const list = await callApi(pipeline.app.url, pipeline.cookie, "GET", "/api/inbox/conversations?channel=instagram");
    const row = list.body.conversations.find((conversation: { id: string }) => conversation.id === message.conversationId);
    expect(row.previewThumbnail).toEqual({ messageId: message.id, attachmentIndex: 0, width: 800, height: 600 });
  });

  it("a WhatsApp image is kept with the token and served after its media id expired", async () => {
    pipeline.graph.addMedia("5100000000000001", photo, "image/jpeg", { expireAfterDownloads: 1 });
    const message = await waImage(pipeline, "5100000000000001");
    expect(await settled(pipeline.db, message.id)).toMatchObject({ status: "STORED", contentType: "image/jpeg", width: 800 });
    const metaNow = await fetch(`${pipeline.graph.url}/v21.0/5100000000000001`, { headers: { authorization: "Bearer whatsapp-access-token" } });
    expect(metaNow.status).toBe(400);
    const res = await media(pipeline, message.id);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);
    expect((await media(pipeline, message.id, "?variant=thumb")).headers.get("content-type")).toBe("image/webp");
  });

  it("a temporary failure is retried with backoff, then stored", async () => {
    const url = pipeline.graph.addCdnFile("ig/flaky.jpg", photo, "image/jpeg");
    pipeline.graph.program({ match: { pathIncludes: "/cdn/ig/flaky.jpg" }, times: 2, respond: { status: 503, body: { error: "busy" } } });
    const { message } = await igImage(pipeline, url);
    expect(await settled(pipeline.db, message.id)).toMatchObject({ status: "STORED", attempts: 3, error: null });
    const times = cdnRequests(pipeline.graph, "ig/flaky.jpg").map((request) => Date.parse(request.time));
    expect(times).toHaveLength(3);
    // Exponential: at least the base, then at least twice the base.
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(RETRY_BASE_MS - 20);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS - 20);
  });

  it("failures that persist end FAILED after the last attempt, and the route says so", async () => {
    const url = pipeline.graph.addCdnFile("ig/down.jpg", photo, "image/jpeg");
    pipeline.graph.program({ match: { pathIncludes: "/cdn/ig/down.jpg" }, respond: { status: 500, body: { error: "down" } } });
    const { message } = await igImage(pipeline, url);
    expect(await settled(pipeline.db, message.id)).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(cdnRequests(pipeline.graph, "ig/down.jpg")).toHaveLength(3);
    expect((await media(pipeline, message.id)).status).toBe(410);
  });

  it("an expired link is not retried: FAILED at once, the API and the route say so", async () => {
    const url = pipeline.graph.addCdnFile("ig/expired.jpg", photo, "image/jpeg", { expireAfterDownloads: 0 });
    const { message } = await igImage(pipeline, url);
    const file = await settled(pipeline.db, message.id);
    expect(file).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(file.error).toMatch(/expired/);
    const res = await media(pipeline, message.id);
    expect(res.status).toBe(410);
    expect((await res.json()).error.code).toBe("MEDIA_UNAVAILABLE");
    const thread = await callApi(pipeline.app.url, pipeline.cookie, "GET", `/api/inbox/conversations/${message.conversationId}/messages`);
    expect(thread.body.messages.at(-1).mediaFiles[0].status).toBe("FAILED");

    pipeline.graph.addMedia("5100000000000002", photo, "image/jpeg", { expireAfterDownloads: 0 });
    const whatsapp = await waImage(pipeline, "5100000000000002");
    expect(await settled(pipeline.db, whatsapp.id)).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it("a file over MEDIA_MAX_BYTES is marked TOO_LARGE and nothing is stored", async () => {
    const big = Buffer.alloc(MAX_BYTES + 50_000, 7);
    const url = pipeline.graph.addCdnFile("ig/huge.mp4", big, "video/mp4");
    const { message } = await igImage(pipeline, url);
    const file = await settled(pipeline.db, message.id);
    expect(file).toMatchObject({ status: "TOO_LARGE", storageKey: null, attempts: 1 });
    expect(existsSync(path.join(pipeline.app.dataDir, "media", file.id.slice(0, 2), file.id))).toBe(false);
    const res = await media(pipeline, message.id);
    expect(res.status).toBe(410);
    expect((await res.json()).error.code).toBe("MEDIA_TOO_LARGE");

    // WhatsApp states the size up front: refused without downloading a byte.
    pipeline.graph.addMedia("5100000000000003", big, "video/mp4");
    const whatsapp = await waImage(pipeline, "5100000000000003", "video");
    expect(await settled(pipeline.db, whatsapp.id)).toMatchObject({ status: "TOO_LARGE", size: big.length });
    expect(pipeline.graph.requests().some((request) => request.path.includes("media-download/5100000000000003"))).toBe(false);
  });

  it("refuses links into this machine or the private network, and hosts that are not Meta's: FAILED with the reason, nothing fetched", async () => {
    // A service on loopback that is not the trusted fake: what an attacker's link would aim at.
    let internalHits = 0;
    const internal = createServer((_req, res) => {
      internalHits++;
      res.end("internal admin page");
    });
    await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
    const port = (internal.address() as AddressInfo).port;
    try {
      const cases = [
        { url: `http://127.0.0.1:${port}/secret`, reason: /private or reserved address/ },
        { url: `http://2130706433:${port}/secret`, reason: /private or reserved address/ },
        { url: `http://[::ffff:127.0.0.1]:${port}/secret`, reason: /private or reserved address/ },
        { url: "http://169.254.169.254/latest/meta-data/", reason: /private or reserved address/ },
        { url: "https://attacker.example/photo.jpg", reason: /not an allowed host/ },
      ];
      for (const { url, reason } of cases) {
        const { message } = await igImage(pipeline, url);
        const file = await settled(pipeline.db, message.id);
        expect(file.status, url).toBe("FAILED");
        expect(file.error, url).toMatch(reason);
        expect(file.attempts, url).toBe(1);
      }
      expect(internalHits).toBe(0);
    } finally {
      internal.close();
    }
  });

  it("needs a session, and refuses indexes the message does not have", async () => {
    const url = pipeline.graph.addCdnFile("ig/guarded.jpg", photo, "image/jpeg");
    const { message } = await igImage(pipeline, url);
    await settled(pipeline.db, message.id);
    const anonymous = await fetch(`${pipeline.app.url}/api/inbox/media/${message.id}/0`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("UNAUTHORIZED");
    expect((await fetch(`${pipeline.app.url}/api/inbox/media/${message.id}/0?variant=thumb`)).status).toBe(401);
    for (const index of ["1", "999", "-1", "abc"]) {
      const res = await fetch(`${pipeline.app.url}/api/inbox/media/${message.id}/${index}`, { headers: { cookie: pipeline.cookie } });
      expect(res.status).toBe(404);
    }
    expect((await media(pipeline, message.id, "?variant=poster")).status).toBe(422);
  });

  it("duplicated webhook deliveries create one MediaFile row and one download", async () => {
    const url = pipeline.graph.addCdnFile("ig/twice.jpg", photo, "image/jpeg");
    const mid = newInstagramMid();
    const payload = instagramAttachment({ senderId: igsidFor("media.twice"), type: "image", url, mid });
    await Promise.all([1, 2, 3].map(() => deliver(pipeline, "instagram", payload)));
    const message = await pipeline.db.message.findUniqueOrThrow({ where: { channel_externalId: { channel: "INSTAGRAM", externalId: mid } } });
    await settled(pipeline.db, message.id);
    // deliver() waits for the event row's final status: had the redelivery queued a second file, its
    // PENDING row would exist by then. One row, already STORED, leaves the worker nothing to fetch.
    await deliver(pipeline, "instagram", payload);
    expect(await pipeline.db.mediaFile.findMany({ where: { messageId: message.id }, select: { status: true } })).toEqual([{ status: "STORED" }]);
    expect(cdnRequests(pipeline.graph, "ig/twice.jpg")).toHaveLength(1);
  });
});

describe("media kept in an S3-compatible bucket", () => {
  let pipeline: Pipeline;
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await startFakeS3();
    pipeline = await startPipeline({
      graphPort: 0,
      env: {
        ...channelEnv,
        MEDIA_STORAGE: "s3",
        S3_ENDPOINT: s3.url,
        S3_BUCKET: s3.bucket,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      },
    });
  });
  afterAll(async () => {
    await pipeline?.stop();
    await s3?.close();
  });

  it("stores the file and its thumbnail as objects and serves them from the bucket", async () => {
    const url = pipeline.graph.addCdnFile("ig/s3-photo.jpg", photo, "image/jpeg", { expireAfterDownloads: 1 });
    const { message } = await igImage(pipeline, url);
    const file = await settled(pipeline.db, message.id);
    expect(file.status).toBe("STORED");
    expect(s3.objects.get(file.id)?.contentType).toBe("image/jpeg");
    expect(s3.objects.get(file.id)?.body.equals(photo)).toBe(true);
    expect(s3.objects.get(`${file.id}-thumb`)?.contentType).toBe("image/webp");
    expect(existsSync(path.join(pipeline.app.dataDir, "media"))).toBe(false);

    const res = await media(pipeline, message.id);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);
    expect(s3.requests.some((request) => request.method === "GET" && request.key.endsWith(`/${file.id}`))).toBe(true);
    expect((await media(pipeline, message.id, "?variant=thumb")).headers.get("content-type")).toBe("image/webp");
  });
});

describeWithPostgres("two instances sharing PostgreSQL download each file once", () => {
  let graph: FakeGraph;
  let database: TestDatabase;
  let apps: RunningApp[];
  let db: PrismaClient;

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
    database = await createTestDatabase();
    // Both workers sweep often, so the second instance competes for rows the first one ingested.
    const env = { ...channelEnv, DATABASE_URL: database.url, META_GRAPH_API_URL: graph.url, MEDIA_SWEEP_INTERVAL_MS: "100" };
    apps = await Promise.all([startApp({ env }), startApp({ env })]);
    db = openDatabase(apps[0]);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await Promise.all((apps ?? []).map((app) => app.stop()));
    await database?.drop();
    await graph?.close();
  });

  it("claims are exclusive: every file is fetched from Meta exactly once", async () => {
    // Slow downloads keep each instance's two slots busy, so the other instance's sweep finds work.
    graph.program({ match: { pathIncludes: "/cdn/multi/" }, respond: { delayMs: 400 } });
    const paths = Array.from({ length: 8 }, (_, index) => `multi/photo-${index}.jpg`);
    const mids = await Promise.all(
      paths.map(async (filePath, index) => {
        const mid = newInstagramMid();
        const payload = instagramAttachment({ senderId: igsidFor(`multi.${index}`), type: "image", url: graph.addCdnFile(filePath, photo, "image/jpeg"), mid });
        const res = await postWebhook({ appUrl: apps[index % 2].url, channel: "instagram", payload, appSecret: IG_SECRET });
        expect(res.status).toBe(200);
        return mid;
      }),
    );
    await waitFor(
      async () => (await db.mediaFile.count({ where: { status: "STORED", message: { externalId: { in: mids } } } })) === mids.length,
      "every file stored",
      20_000,
    );
    for (const filePath of paths) expect(cdnRequests(graph, filePath)).toHaveLength(1);
    expect(await db.mediaFile.count({ where: { message: { externalId: { in: mids } }, attempts: { not: 1 } } })).toBe(0);
  });
});

describe("a download interrupted by a crash", () => {
  let graph: FakeGraph;
  let crashed: RunningApp;
  let restarted: RunningApp | undefined;

  beforeAll(async () => {
    graph = await startFakeGraph({ port: 0 });
    crashed = await startApp({ env: { ...channelEnv, META_GRAPH_API_URL: graph.url } });
  });
  afterAll(async () => {
    await restarted?.stop();
    await crashed?.stop();
    await graph?.close();
  });

  it("is picked up again by the restarted instance once its claim has lapsed", async () => {
    const url = graph.addCdnFile("ig/crash.jpg", photo, "image/jpeg");
    // Meta is slow; the process dies mid-download.
    graph.program({ match: { pathIncludes: "/cdn/ig/crash.jpg" }, times: 1, respond: { delayMs: 5_000 } });
    const mid = newInstagramMid();
    const payload = instagramAttachment({ senderId: igsidFor("media.crash"), type: "image", url, mid });
    const res = await postWebhook({ appUrl: crashed.url, channel: "instagram", payload, appSecret: IG_SECRET });
    const { eventId } = (await res.json()) as { eventId: string };
    const db = openDatabase(crashed);
    try {
      await eventProcessed(db, eventId);
      await waitFor(() => cdnRequests(graph, "ig/crash.jpg").length === 1, "download started");
      await crashed.crash();
      const file = await db.mediaFile.findFirstOrThrow({ where: { message: { externalId: mid } } });
      expect(file).toMatchObject({ status: "PENDING", attempts: 1 });
      // The claim is a lease of a few minutes; let it lapse rather than wait for it.
      await db.mediaFile.update({ where: { id: file.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });

      restarted = await startApp({ dataDir: crashed.dataDir, env: { ...channelEnv, META_GRAPH_API_URL: graph.url, DATABASE_URL: crashed.databaseUrl } });
      const kept = await waitFor(async () => {
        const row = await db.mediaFile.findUniqueOrThrow({ where: { id: file.id } });
        return row.status === "STORED" ? row : undefined;
      }, "download resumed after restart");
      expect(kept.attempts).toBe(2);
    } finally {
      await db.$disconnect();
    }
  });
});
