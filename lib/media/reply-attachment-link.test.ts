import { describe, expect, it } from "vitest";
import { REPLY_ATTACHMENT_LINK_TTL_MS, signReplyAttachmentLink, verifyReplyAttachmentLink } from "./reply-attachment-link";

const KEY = "a-test-secret-of-enough-length";
const ID = "0f8c2d6e9b1a4c7d8e2f3a4b5c6d7e8f";
const NOW = Date.UTC(2026, 11, 1, 12);

describe("reply attachment links", () => {
  it("name their file until they expire", () => {
    const token = signReplyAttachmentLink(KEY, ID, NOW);
    expect(verifyReplyAttachmentLink(KEY, token, NOW)).toBe(ID);
    expect(verifyReplyAttachmentLink(KEY, token, NOW + REPLY_ATTACHMENT_LINK_TTL_MS - 1000)).toBe(ID);
    expect(verifyReplyAttachmentLink(KEY, token, NOW + REPLY_ATTACHMENT_LINK_TTL_MS + 1000)).toBeNull();
  });

  it("refuse another key, another file, a later expiry and junk", () => {
    const token = signReplyAttachmentLink(KEY, ID, NOW);
    const [, expires, signature] = token.split(".");
    expect(verifyReplyAttachmentLink("another-secret-entirely", token, NOW)).toBeNull();
    expect(verifyReplyAttachmentLink(KEY, `1f8c2d6e9b1a4c7d8e2f3a4b5c6d7e8f.${expires}.${signature}`, NOW)).toBeNull();
    expect(verifyReplyAttachmentLink(KEY, `${ID}.${Number(expires) + 3600}.${signature}`, NOW)).toBeNull();
    for (const junk of ["", ".", `${ID}..`, `${ID}.${expires}`, `${token}.x`, "../../etc/passwd", `${ID}.${expires}.${signature.slice(1)}`]) {
      expect(verifyReplyAttachmentLink(KEY, junk, NOW)).toBeNull();
    }
  });
});
