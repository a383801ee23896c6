import { describe, expect, it } from "vitest";
import { instagramOutboundMedia } from "@/lib/channels/instagram/outbound-media";
import { whatsappOutboundMedia } from "@/lib/channels/whatsapp/outbound-media";
import { acceptedMimeTypes, checkReplyAttachment, normalizeMimeType } from "./reply-attachment-rules";

const MB = 1024 * 1024;
const STORAGE_CAP = 25 * MB;

describe("checkReplyAttachment", () => {
  it("names the kind each channel sends a file as", () => {
    expect(checkReplyAttachment(instagramOutboundMedia, { contentType: "image/png", size: 1000 }, "Instagram", STORAGE_CAP)).toMatchObject({ ok: true, kind: "image" });
    expect(checkReplyAttachment(instagramOutboundMedia, { contentType: "application/pdf", size: 1000 }, "Instagram", STORAGE_CAP)).toMatchObject({ ok: true, kind: "file" });
    expect(checkReplyAttachment(whatsappOutboundMedia, { contentType: "audio/ogg; codecs=opus", size: 1000 }, "WhatsApp", STORAGE_CAP)).toMatchObject({ ok: true, kind: "audio" });
    expect(checkReplyAttachment(whatsappOutboundMedia, { contentType: "IMAGE/JPG", size: 1000 }, "WhatsApp", STORAGE_CAP)).toMatchObject({ ok: true, kind: "image" });
  });

  it("refuses formats the channel can't send, saying what it can", () => {
    const gif = checkReplyAttachment(whatsappOutboundMedia, { contentType: "image/gif", size: 1000 }, "WhatsApp", STORAGE_CAP);
    expect(gif).toMatchObject({ ok: false, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(!gif.ok && gif.message).toMatch(/^WhatsApp can't send image\/gif\. Attach images \(jpeg, png\)/);
    expect(checkReplyAttachment(instagramOutboundMedia, { contentType: "text/html", size: 10 }, "Instagram", STORAGE_CAP)).toMatchObject({ ok: false, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(checkReplyAttachment(instagramOutboundMedia, { contentType: "", size: 10 }, "Instagram", STORAGE_CAP)).toMatchObject({ ok: false, code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("applies Meta's per-kind limit and our storage cap, whichever is lower", () => {
    expect(checkReplyAttachment(whatsappOutboundMedia, { contentType: "image/jpeg", size: 5 * MB }, "WhatsApp", STORAGE_CAP)).toMatchObject({ ok: true });
    const big = checkReplyAttachment(whatsappOutboundMedia, { contentType: "image/jpeg", size: 5 * MB + 1 }, "WhatsApp", STORAGE_CAP);
    expect(big).toMatchObject({ ok: false, code: "PAYLOAD_TOO_LARGE" });
    expect(!big.ok && big.message).toBe("WhatsApp images can be at most 5 MB; this file is 5 MB.");
    // WhatsApp takes 100 MB documents; we keep at most the storage cap.
    expect(checkReplyAttachment(whatsappOutboundMedia, { contentType: "application/pdf", size: 26 * MB }, "WhatsApp", STORAGE_CAP)).toMatchObject({ ok: false, code: "PAYLOAD_TOO_LARGE" });
    expect(checkReplyAttachment(whatsappOutboundMedia, { contentType: "application/pdf", size: 0 }, "WhatsApp", STORAGE_CAP)).toMatchObject({ ok: false });
  });

  it("lists every accepted type for the file picker", () => {
    expect(acceptedMimeTypes(instagramOutboundMedia)).toEqual(expect.arrayContaining(["image/jpeg", "video/mp4", "audio/wav", "application/pdf"]));
    expect(acceptedMimeTypes(whatsappOutboundMedia)).not.toContain("image/gif");
    expect(normalizeMimeType(" Image/PJPEG ; q=1")).toBe("image/jpeg");
  });
});
