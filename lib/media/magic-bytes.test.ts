import { describe, expect, it } from "vitest";
import { bytesMatchType } from "@/lib/media/magic-bytes";
import { acceptedMimeTypes } from "@/lib/media/reply-attachment-rules";
import { instagramOutboundMedia } from "@/lib/channels/instagram/outbound-media";
import { whatsappOutboundMedia } from "@/lib/channels/whatsapp/outbound-media";

const bytes = (text: string) => new TextEncoder().encode(text);
const html = bytes("<!doctype html><script>alert(1)</script>");

describe("bytesMatchType", () => {
  it("refuses an HTML page under every type a channel accepts, plain text aside", () => {
    for (const type of [...acceptedMimeTypes(instagramOutboundMedia), ...acceptedMimeTypes(whatsappOutboundMedia)]) {
      expect(bytesMatchType(type, html), type).toBe(type === "text/plain");
    }
  });

  it("accepts real signatures and refuses an HTML page dressed as a PDF or a video", () => {
    expect(bytesMatchType("application/pdf", bytes("%PDF-1.7\n…"))).toBe(true);
    expect(bytesMatchType("video/mp4", new Uint8Array([0, 0, 0, 0x20, ...bytes("ftypisom")]))).toBe(true);
    expect(bytesMatchType("application/pdf", html)).toBe(false);
    expect(bytesMatchType("video/mp4", html)).toBe(false);
    expect(bytesMatchType("video/mp4", bytes("%PDF-1.7"))).toBe(false);
    expect(bytesMatchType("text/plain", new Uint8Array([0x41, 0, 0x42]))).toBe(false);
    expect(bytesMatchType("application/x-unknown", bytes("%PDF-"))).toBe(false);
  });
});
