import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeS3, type FakeS3 } from "@/scripts/fake-s3/start-fake-s3";
import { localStorage } from "./local-storage";
import type { MediaStorage } from "./media-storage";
import { s3Storage } from "./s3-storage";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

function behavesLikeAStore(name: string, open: () => MediaStorage) {
  describe(name, () => {
    it("keeps bytes and content type, answers null for a missing key, deletes idempotently", async () => {
      const store = open();
      await store.put("msg-1-0", png, "image/png");
      expect(await store.get("msg-1-0")).toEqual({ body: png, contentType: "image/png", size: png.byteLength });
      expect(await store.get("never-stored")).toBeNull();
      await store.delete("msg-1-0");
      await store.delete("msg-1-0");
      expect(await store.get("msg-1-0")).toBeNull();
    });

    it("refuses keys that could name another path", async () => {
      const store = open();
      for (const key of ["../etc/passwd", "a/b", "", ".hidden", "a..b"]) {
        await expect(store.put(key, png, "image/png")).rejects.toThrow(/Invalid media storage key/);
      }
    });
  });
}

const root = mkdtempSync(path.join(tmpdir(), "media-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
behavesLikeAStore("local disk", () => localStorage(root));

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(() => s3.close());
const s3Config = () => ({
  bucket: s3.bucket,
  region: "us-east-1",
  accessKeyId: s3.accessKeyId,
  secretAccessKey: s3.secretAccessKey,
  endpoint: s3.url,
  forcePathStyle: true,
});
behavesLikeAStore("S3 (the in-repo fake, through the AWS SDK)", () => s3Storage(s3Config()));

describe("storage specifics", () => {
  it("local disk writes no partial files and keeps the fan-out directories", async () => {
    const store = localStorage(root);
    await store.put("abcdef", png, "image/png");
    expect(readdirSync(path.join(root, "ab")).sort()).toEqual(["abcdef", "abcdef.type"]);
  });

  it("S3 objects land in the bucket, signed with the configured key", async () => {
    await s3Storage(s3Config()).put("signed-object", png, "image/jpeg");
    expect(s3.objects.get("signed-object")?.contentType).toBe("image/jpeg");
  });

  it("a wrong secret is refused by the server, not silently stored", async () => {
    const store = s3Storage({ ...s3Config(), secretAccessKey: "not-the-secret" });
    await expect(store.put("wrong-secret", png, "image/png")).rejects.toThrow(/signature/i);
    expect(s3.objects.has("wrong-secret")).toBe(false);
  });
});
