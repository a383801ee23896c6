import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DownloadTooLargeError, readCappedBody } from "@/lib/channels/meta/read-capped-body";
import { normalizeContentType } from "./download-attachment";
import { pendingMediaRows } from "./downloadable-attachments";
import { makeThumbnail } from "./make-thumbnail";
import { byteRange } from "./serve-message-media";

describe("pendingMediaRows", () => {
  it("queues only attachments with a file behind a Meta link or media id, keeping their index", () => {
    const now = new Date("2026-11-22T10:00:00Z");
    const rows = pendingMediaRows(
      "m1",
      [
        { kind: "share", url: "https://instagram.com/p/1" },
        { kind: "image", url: "https://cdn.example/a.jpg" },
        { kind: "location", meta: { latitude: 1 } },
        { kind: "file", mediaId: "123", filename: "quote.pdf" },
        { kind: "sticker", meta: { sticker: "like_heart" } },
        { kind: "video", url: "javascript:alert(1)" },
      ],
      now,
    );
    expect(rows).toEqual([
      { messageId: "m1", attachmentIndex: 1, status: "PENDING", filename: null, nextAttemptAt: now },
      { messageId: "m1", attachmentIndex: 3, status: "PENDING", filename: "quote.pdf", nextAttemptAt: now },
    ]);
  });
});

describe("byteRange", () => {
  it("reads one range, a suffix, an open end; refuses what is past the end", () => {
    expect(byteRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(byteRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange("bytes=50-500", 100)).toEqual({ start: 50, end: 99 });
    expect(byteRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(byteRange("bytes=9-2", 100)).toBe("unsatisfiable");
    expect(byteRange("bytes=0-1,5-6", 100)).toBeNull();
    expect(byteRange("items=0-1", 100)).toBeNull();
  });
});

describe("readCappedBody", () => {
  const streamOf = (sizes: number[]) =>
    new Response(new ReadableStream({ start(controller) { for (const size of sizes) controller.enqueue(new Uint8Array(size)); controller.close(); } }));

  it("reads up to the limit and refuses one byte more, even without a Content-Length", async () => {
    expect((await readCappedBody(streamOf([4, 6]), 10)).byteLength).toBe(10);
    await expect(readCappedBody(streamOf([4, 6, 1]), 10)).rejects.toBeInstanceOf(DownloadTooLargeError);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const response = new Response(new Uint8Array(20), { headers: { "content-length": "20" } });
    await expect(readCappedBody(response, 10)).rejects.toMatchObject({ declaredBytes: 20 });
  });
});

describe("makeThumbnail", () => {
  it("makes a 320 px WebP and reports the original's displayed size", async () => {
    const image = await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#123456" } }).png().toBuffer();
    const thumbnail = await makeThumbnail(image);
    expect(thumbnail).toMatchObject({ width: 1000, height: 500 });
    const meta = await sharp(Buffer.from(thumbnail!.body)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 320, 160]);
  });

  it("answers null for a corrupt image instead of throwing", async () => {
    expect(await makeThumbnail(new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]))).toBeNull();
  });
});

describe("normalizeContentType", () => {
  it("drops parameters and case; anything odd becomes a download", () => {
    expect(normalizeContentType("Audio/OGG; codecs=opus")).toBe("audio/ogg");
    expect(normalizeContentType("text/html<script>")).toBe("application/octet-stream");
    expect(normalizeContentType(undefined)).toBe("application/octet-stream");
  });
});
