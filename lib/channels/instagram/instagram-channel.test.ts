import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import outsideWindow from "../meta/fixtures/error-outside-window.json";
import { GraphApiError } from "../meta/graph-error";
import { json, startLocalGraphServer, type LocalGraphServer } from "../meta/testing/local-graph-server";
import type { ChannelCredentials } from "../types";
import sendRequest from "./fixtures/instagram-send-request.json";
import sendResponse from "./fixtures/instagram-send-response.json";
import userProfile from "./fixtures/instagram-user-profile.json";
import { instagramChannel } from "./instagram-channel";

const ACCOUNT = "17841400000000001";
let server: LocalGraphServer;
let creds: ChannelCredentials;

beforeAll(async () => {
  server = await startLocalGraphServer();
  creds = {
    accessToken: "IGAA-token",
    appSecret: "s",
    verifyToken: "v",
    graphApiUrl: server.url,
    graphApiVersion: "v21.0",
    accountId: ACCOUNT,
    source: "database",
  };
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe("instagramChannel sending", () => {
  it("sends text in Meta's documented shape and returns the mid", async () => {
    server.reply(json(200, sendResponse));
    const result = await instagramChannel.sendText(creds, { to: sendRequest.recipient.id, text: sendRequest.message.text });
    expect(result).toEqual({ externalId: sendResponse.message_id });
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`/v21.0/${ACCOUNT}/messages`);
    expect(request.headers.authorization).toBe("Bearer IGAA-token");
    const { _doc, ...documentedBody } = sendRequest;
    expect(_doc).toBeTruthy();
    expect(request.json).toEqual(documentedBody);
  });

  it("tags HUMAN_AGENT replies", async () => {
    server.reply(json(200, sendResponse));
    await instagramChannel.sendText(creds, { to: "65", text: "Following up", humanAgent: true });
    expect(server.requests[0].json).toEqual({
      recipient: { id: "65" },
      messaging_type: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
      message: { text: "Following up" },
    });
  });

  it("sends an attachment by URL", async () => {
    server.reply(json(200, sendResponse));
    await instagramChannel.sendAttachment(creds, { to: "65", attachment: { kind: "image", contentType: "image/jpeg", url: "https://files.example/sofa.jpg", read: () => Promise.reject(new Error("Instagram must not upload")) } });
    expect(server.requests[0].json).toEqual({
      recipient: { id: "65" },
      messaging_type: "RESPONSE",
      message: { attachment: { type: "image", payload: { url: "https://files.example/sofa.jpg" } } },
    });
  });

  it("surfaces a closed window as WINDOW_CLOSED without retrying", async () => {
    server.reply(json(400, outsideWindow));
    const error = await instagramChannel.sendText(creds, { to: "65", text: "late" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).kind).toBe("WINDOW_CLOSED");
    expect(server.requests).toHaveLength(1);
  });

  it("fails before calling Meta when no account id is configured", async () => {
    const error = await instagramChannel.sendText({ ...creds, accountId: "" }, { to: "65", text: "hi" }).catch((caught: unknown) => caught);
    expect((error as GraphApiError).kind).toBe("INVALID_REQUEST");
    expect((error as GraphApiError).userMessage).toBe("Instagram account id is not set — add it in Settings.");
    expect(server.requests).toHaveLength(0);
  });
});

describe("instagramChannel.fetchProfile", () => {
  it("asks for name, username and picture and maps them", async () => {
    server.reply(json(200, userProfile));
    const profile = await instagramChannel.fetchProfile(creds, "6543210987654321");
    expect(server.requests[0].url).toBe("/v21.0/6543210987654321?fields=name%2Cusername%2Cprofile_pic");
    expect(profile).toEqual({ id: "6543210987654321", name: "Ana Costa", username: "ana.costa.design", avatarUrl: userProfile.profile_pic });
  });

  it("returns null for a user Instagram cannot load", async () => {
    server.reply(json(400, { error: { message: "Unsupported get request.", type: "GraphMethodException", code: 100, error_subcode: 33 } }));
    await expect(instagramChannel.fetchProfile(creds, "1")).resolves.toBeNull();
  });

  it("still throws for an expired token", async () => {
    server.reply(json(401, { error: { message: "expired", code: 190 } }));
    await expect(instagramChannel.fetchProfile(creds, "1")).rejects.toMatchObject({ kind: "TOKEN_EXPIRED" });
  });
});

describe("instagramChannel.listConversations", () => {
  const business = { username: "demo.furniture", id: ACCOUNT };
  const customer = { username: "ana.costa.design", id: "6543210987654321" };
  const answer = {
    data: [
      {
        id: "aWdfZAG06MTpJR01lc3NhZA2VUaHJlYWQ",
        updated_time: "2026-11-21T16:05:00+0000",
        participants: { data: [business, customer] },
        messages: {
          data: [
            { id: "m2", created_time: "2026-11-21T16:05:00+0000", from: business, to: { data: [customer] }, message: "Yes!" },
            {
              id: "m1",
              created_time: "2026-11-21T16:00:00+0000",
              from: customer,
              to: { data: [business] },
              message: "",
              attachments: { data: [{ mime_type: "image/jpeg", image_data: { url: "https://cdn/i.jpg", preview_url: "https://cdn/p.jpg" } }] },
            },
          ],
        },
      },
    ],
    paging: { cursors: { after: "x" } },
  };

  it("requests Meta's documented fields and maps threads and directions", async () => {
    server.reply(json(200, answer));
    const conversations = await instagramChannel.listConversations(creds, { participantId: customer.id, limit: 5 });
    const url = new URL(server.requests[0].url, server.url);
    expect(url.pathname).toBe(`/v21.0/${ACCOUNT}/conversations`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      platform: "instagram",
      fields: "participants,updated_time,messages{id,from,to,message,created_time,attachments}",
      user_id: customer.id,
      limit: "5",
    });
    expect(conversations).toEqual([
      {
        externalId: "aWdfZAG06MTpJR01lc3NhZA2VUaHJlYWQ",
        participant: { id: customer.id, username: "ana.costa.design" },
        updatedAt: new Date("2026-11-21T16:05:00Z"),
        messages: [
          { externalId: "m2", direction: "OUTBOUND", timestamp: new Date("2026-11-21T16:05:00Z"), type: "TEXT", text: "Yes!", attachments: [] },
          {
            externalId: "m1",
            direction: "INBOUND",
            timestamp: new Date("2026-11-21T16:00:00Z"),
            type: "IMAGE",
            text: null,
            attachments: [{ kind: "image", url: "https://cdn/i.jpg", mimeType: "image/jpeg" }],
          },
        ],
      },
    ]);
  });

  it("omits user_id when listing all threads", async () => {
    server.reply(json(200, { data: [] }));
    await expect(instagramChannel.listConversations(creds)).resolves.toEqual([]);
    expect(server.requests[0].url).not.toContain("user_id");
  });
});

describe("instagramChannel sender actions", () => {
  it("marks seen and types with the Send API's sender_action, once each", async () => {
    server.reply(json(200, { recipient_id: "65" }));
    await instagramChannel.markSeen!(creds, { to: "65" });
    await instagramChannel.sendTyping!(creds, { to: "65", on: true });
    await instagramChannel.sendTyping!(creds, { to: "65", on: false });
    expect(server.requests.map((request) => [request.url, request.json])).toEqual([
      [`/v21.0/${ACCOUNT}/messages`, { recipient: { id: "65" }, sender_action: "mark_seen" }],
      [`/v21.0/${ACCOUNT}/messages`, { recipient: { id: "65" }, sender_action: "typing_on" }],
      [`/v21.0/${ACCOUNT}/messages`, { recipient: { id: "65" }, sender_action: "typing_off" }],
    ]);
  });

  it("does not retry a failed typing indicator: a late one is worse than none", async () => {
    server.reply(json(500, { error: { message: "oops", code: 1, is_transient: true } }));
    await expect(instagramChannel.sendTyping!(creds, { to: "65", on: true })).rejects.toMatchObject({ kind: "TRANSIENT" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("instagramChannel thread control", () => {
  it("takes, requests and passes the thread on the handover edges", async () => {
    server.reply(json(200, { success: true }));
    await instagramChannel.threadControl!(creds, "take", { to: "65", metadata: "agent Ana" });
    await instagramChannel.threadControl!(creds, "request", { to: "65" });
    await instagramChannel.threadControl!(creds, "pass", { to: "65", targetAppId: "263902037430900" });
    expect(server.requests.map((request) => [request.url, request.json])).toEqual([
      [`/v21.0/${ACCOUNT}/take_thread_control`, { recipient: { id: "65" }, metadata: "agent Ana" }],
      [`/v21.0/${ACCOUNT}/request_thread_control`, { recipient: { id: "65" } }],
      [`/v21.0/${ACCOUNT}/pass_thread_control`, { recipient: { id: "65" }, target_app_id: "263902037430900" }],
    ]);
  });

  it("maps Meta's refusal to THREAD_CONTROL_DENIED with a message staff can act on", async () => {
    server.reply(json(400, { error: { message: "(#10) Only the primary receiver can take thread control", type: "OAuthException", code: 10 } }));
    const error = (await instagramChannel.threadControl!(creds, "take", { to: "65" }).catch((caught: unknown) => caught)) as GraphApiError;
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error.kind).toBe("THREAD_CONTROL_DENIED");
    expect(error.userMessage).toContain("did not let us take over this conversation");
    expect(error.userMessage).toContain("Only the primary receiver");
  });

  it("keeps an expired token an expired token", async () => {
    server.reply(json(401, { error: { message: "expired", code: 190 } }));
    await expect(instagramChannel.threadControl!(creds, "pass", { to: "65" })).rejects.toMatchObject({ kind: "TOKEN_EXPIRED" });
  });

  it("treats success: false as a refusal", async () => {
    server.reply(json(200, { success: false }));
    await expect(instagramChannel.threadControl!(creds, "request", { to: "65" })).rejects.toMatchObject({ kind: "THREAD_CONTROL_DENIED" });
  });
});
