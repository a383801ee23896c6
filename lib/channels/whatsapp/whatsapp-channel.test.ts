import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GraphApiError } from "../meta/graph-error";
import { json, startLocalGraphServer, type LocalGraphServer } from "../meta/testing/local-graph-server";
import type { ChannelCredentials, OutboundAttachment } from "../types";
import sendRequest from "./fixtures/whatsapp-send-request.json";
import sendResponse from "./fixtures/whatsapp-send-response.json";
import { countParameters } from "./list-templates";
import { whatsappChannel } from "./whatsapp-channel";

const PHONE_NUMBER_ID = "106540352242922";
const WABA_ID = "102290129340398";
const TOKEN = "EAAG-wa-token";
let server: LocalGraphServer;
let creds: ChannelCredentials;

beforeAll(async () => {
  server = await startLocalGraphServer();
  creds = {
    accessToken: TOKEN,
    appSecret: "s",
    verifyToken: "v",
    graphApiUrl: server.url,
    graphApiVersion: "v21.0",
    accountId: PHONE_NUMBER_ID,
    businessAccountId: WABA_ID,
    source: "environment",
  };
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const templates = whatsappChannel.templates!;
const media = whatsappChannel.media!;

describe("whatsappChannel sending", () => {
  it("sends text exactly as Meta documents and returns the wamid", async () => {
    server.reply(json(200, sendResponse));
    const result = await whatsappChannel.sendText(creds, { to: sendRequest.to, text: sendRequest.text.body });
    expect(result).toEqual({ externalId: sendResponse.messages[0].id });
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`);
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const { _doc, ...documentedBody } = sendRequest;
    expect(_doc).toBeTruthy();
    expect(request.json).toEqual(documentedBody);
  });

  const uploaded = { id: "1037543291543636" };
  const file = (kind: OutboundAttachment["kind"], contentType: string, extra: Partial<OutboundAttachment> = {}): OutboundAttachment => ({
    kind,
    contentType,
    url: "https://inbox.example/api/media/never-fetched",
    read: async () => new TextEncoder().encode(`bytes of a ${kind}`),
    ...extra,
  });

  it("uploads an image to the phone number's media, then sends it by id with its caption", async () => {
    server.reply(json(200, uploaded), json(200, sendResponse));
    await whatsappChannel.sendAttachment(creds, { to: "351912345678", attachment: file("image", "image/jpeg", { caption: "Blue sofa", filename: "sofa.jpg" }) });
    const [upload, send] = server.requests;
    expect(upload.url).toBe(`/v21.0/${PHONE_NUMBER_ID}/media`);
    expect(upload.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(upload.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(upload.raw), { headers: { "content-type": upload.headers["content-type"]! } }).formData();
    expect(form.get("messaging_product")).toBe("whatsapp");
    expect(form.get("type")).toBe("image/jpeg");
    const sent = form.get("file") as File;
    expect(sent.type).toBe("image/jpeg");
    expect(sent.name).toBe("sofa.jpg");
    expect(await sent.text()).toBe("bytes of a image");
    expect(send.json).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "351912345678",
      type: "image",
      image: { id: uploaded.id, caption: "Blue sofa" },
    });
  });

  it("sends a file as a document with its filename", async () => {
    server.reply(json(200, uploaded), json(200, sendResponse));
    await whatsappChannel.sendAttachment(creds, { to: "351912345678", attachment: file("file", "application/pdf", { caption: "Your quote", filename: "quote.pdf" }) });
    expect(server.requests[1].json).toMatchObject({ type: "document", document: { id: uploaded.id, caption: "Your quote", filename: "quote.pdf" } });
  });

  it("drops the caption on audio, which WhatsApp does not accept", async () => {
    server.reply(json(200, uploaded), json(200, sendResponse));
    await whatsappChannel.sendAttachment(creds, { to: "351912345678", attachment: file("audio", "audio/ogg", { caption: "x" }) });
    expect(server.requests[1].json).toMatchObject({ type: "audio", audio: { id: uploaded.id } });
    expect((server.requests[1].json as { audio: object }).audio).not.toHaveProperty("caption");
  });

  it("does not send when the upload fails", async () => {
    server.reply(json(400, { error: { message: "(#131053) Media upload error", code: 131053 } }));
    await expect(whatsappChannel.sendAttachment(creds, { to: "351912345678", attachment: file("image", "image/png") })).rejects.toBeInstanceOf(GraphApiError);
    expect(server.requests).toHaveLength(1);
  });

  it("maps 131047 to WINDOW_CLOSED and 131026 to RECIPIENT_NOT_ON_WHATSAPP", async () => {
    server.reply(
      json(400, { error: { message: "(#131047) Re-engagement message", code: 131047, error_data: { messaging_product: "whatsapp", details: "24h" } } }),
      json(400, { error: { message: "(#131026) Message Undeliverable", code: 131026 } }),
    );
    await expect(whatsappChannel.sendText(creds, { to: "1", text: "a" })).rejects.toMatchObject({ kind: "WINDOW_CLOSED" });
    await expect(whatsappChannel.sendText(creds, { to: "1", text: "b" })).rejects.toMatchObject({ kind: "RECIPIENT_NOT_ON_WHATSAPP" });
  });

  it("sends a template with body parameters", async () => {
    server.reply(json(200, sendResponse));
    await templates.send(creds, { to: "351912345678", name: "order_update", language: "pt_PT", parameters: ["Maria", "#1042"] });
    expect(server.requests[0].json).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "351912345678",
      type: "template",
      template: {
        name: "order_update",
        language: { code: "pt_PT" },
        components: [{ type: "body", parameters: [{ type: "text", text: "Maria" }, { type: "text", text: "#1042" }] }],
      },
    });
  });

  it("sends a template without parameters without components", async () => {
    server.reply(json(200, sendResponse));
    await templates.send(creds, { to: "351912345678", name: "hello_world", language: "en_US", parameters: [] });
    expect(server.requests[0].json).toMatchObject({ template: { name: "hello_world", language: { code: "en_US" } } });
    expect((server.requests[0].json as { template: object }).template).not.toHaveProperty("components");
  });

  it("rejects a malformed send answer instead of inventing an id", async () => {
    server.reply(json(200, { messaging_product: "whatsapp", messages: [] }));
    const error = await whatsappChannel.sendText(creds, { to: "1", text: "a" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).kind).toBe("UNKNOWN");
  });
});

describe("whatsappChannel.templates.list", () => {
  it("lists approved templates with body and parameter count", async () => {
    server.reply(
      json(200, {
        data: [
          {
            name: "order_update",
            language: "en_US",
            status: "APPROVED",
            category: "UTILITY",
            components: [
              { type: "HEADER", format: "TEXT", text: "Order {{1}}" },
              { type: "BODY", text: "Hi {{1}}, your order {{2}} is ready. Thanks, {{1}}!" },
            ],
            id: "1",
          },
          { name: "promo", language: "en_US", status: "REJECTED", category: "MARKETING", components: [{ type: "BODY", text: "Sale" }], id: "2" },
          { name: "hello_world", language: "en_US", status: "APPROVED", category: "UTILITY", components: [{ type: "HEADER", text: "Hello" }], id: "3" },
        ],
        paging: { cursors: { before: "a", after: "b" } },
      }),
    );
    const list = await templates.list(creds);
    const url = new URL(server.requests[0].url, server.url);
    expect(url.pathname).toBe(`/v21.0/${WABA_ID}/message_templates`);
    expect(url.searchParams.get("fields")).toBe("name,language,status,category,components");
    expect(url.searchParams.get("limit")).toBe("100");
    expect(list).toEqual([
      { name: "order_update", language: "en_US", category: "UTILITY", status: "APPROVED", body: "Hi {{1}}, your order {{2}} is ready. Thanks, {{1}}!", parameterCount: 2 },
      { name: "hello_world", language: "en_US", category: "UTILITY", status: "APPROVED", body: "", parameterCount: 0 },
    ]);
  });

  it("needs the Business Account id", async () => {
    await expect(templates.list({ ...creds, businessAccountId: undefined })).rejects.toMatchObject({
      kind: "INVALID_REQUEST",
      userMessage: "WhatsApp Business Account id is not set — add it in Settings.",
    });
    expect(server.requests).toHaveLength(0);
  });

  it("counts distinct positional and named placeholders", () => {
    expect(countParameters("Hi {{1}}, order {{2}}, bye {{1}}")).toBe(2);
    expect(countParameters("Hi {{ first_name }}")).toBe(1);
    expect(countParameters("No placeholders")).toBe(0);
  });
});

describe("whatsappChannel.media.download", () => {
  it("resolves the media id, then downloads with the bearer token", async () => {
    server.reply(
      json(200, { messaging_product: "whatsapp", url: `${server.url}/media-download/1473567290098372`, mime_type: "image/jpeg", id: "1473567290098372" }),
      (_request, response) => {
        response.writeHead(200, { "Content-Type": "application/octet-stream" });
        response.end(Buffer.from("JPEGDATA"));
      },
    );
    const file = await media.download(creds, "1473567290098372");
    expect(Buffer.from(file.body).toString()).toBe("JPEGDATA");
    expect(file.mimeType).toBe("image/jpeg");
    expect(server.requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      [`/v21.0/1473567290098372?phone_number_id=${PHONE_NUMBER_ID}`, `Bearer ${TOKEN}`],
      ["/media-download/1473567290098372", `Bearer ${TOKEN}`],
    ]);
  });
});

describe("whatsappChannel without Meta APIs", () => {
  it("has no profiles and no history to fetch", async () => {
    await expect(whatsappChannel.fetchProfile(creds, "351912345678")).resolves.toBeNull();
    await expect(whatsappChannel.listConversations(creds)).resolves.toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe("whatsappChannel read receipts and typing", () => {
  it("marks the latest inbound message read, and types on the same call", async () => {
    server.reply(json(200, { success: true }));
    await whatsappChannel.markSeen!(creds, { to: "351912345678", lastInboundExternalId: "wamid.IN1" });
    await whatsappChannel.sendTyping!(creds, { to: "351912345678", lastInboundExternalId: "wamid.IN1", on: true });
    expect(server.requests.map((request) => [request.url, request.json])).toEqual([
      [`/v21.0/${PHONE_NUMBER_ID}/messages`, { messaging_product: "whatsapp", status: "read", message_id: "wamid.IN1" }],
      [
        `/v21.0/${PHONE_NUMBER_ID}/messages`,
        { messaging_product: "whatsapp", status: "read", message_id: "wamid.IN1", typing_indicator: { type: "text" } },
      ],
    ]);
  });

  it("sends nothing to stop typing, or without a message to mark", async () => {
    await whatsappChannel.sendTyping!(creds, { to: "351912345678", lastInboundExternalId: "wamid.IN1", on: false });
    await whatsappChannel.markSeen!(creds, { to: "351912345678" });
    expect(server.requests).toHaveLength(0);
  });
});
