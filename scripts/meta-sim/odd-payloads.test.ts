import { describe, expect, it } from "vitest";
import { parseInstagramWebhook } from "@/lib/channels/instagram/parse-webhook";
import { parseWhatsAppWebhook } from "@/lib/channels/whatsapp/parse-webhook";
import { instagramOddBatch, whatsappOddBatch } from "./odd-payloads";

const outcome = (item: { events: Array<{ kind: string; type?: string }>; error?: string }) =>
  item.error ? (item.events.length ? "unsupported" : "failed") : item.events.map((event) => event.type ?? event.kind).join(",");

describe("the simulator's odd batches", () => {
  it("Instagram: the valid items are read, the one without mid is UNSUPPORTED, the one without sender fails alone", () => {
    const items = parseInstagramWebhook(instagramOddBatch({ senderId: "123", timestamp: Date.now(), text: "hi" }));
    expect(items.map(outcome)).toEqual(["unsupported", "TEXT", "reaction", "failed"]);
  });

  it("WhatsApp: text, a location without type, an order kept as UNSUPPORTED, a message without sender failed, a numeric status timestamp", () => {
    const items = parseWhatsAppWebhook(whatsappOddBatch({ from: "351900000000", name: "Odd", timestamp: Date.now(), text: "hi" }));
    expect(items.map(outcome)).toEqual(["TEXT", "TEXT", "UNSUPPORTED", "failed", "status"]);
  });
});
