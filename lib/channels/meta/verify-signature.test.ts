import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { signPayload, verifySignature } from "./verify-signature";

const secret = "test-app-secret";
const body = readFileSync(new URL("../instagram/fixtures/message-text.json", import.meta.url));
const goodHeader = "sha256=" + createHmac("sha256", secret).update(body).digest("hex");

describe("verifySignature", () => {
  it("accepts Meta's signature over the raw bytes", () => {
    expect(verifySignature(body, goodHeader, secret)).toBe(true);
    expect(verifySignature(body.toString("utf8"), goodHeader, secret)).toBe(true);
  });

  it("accepts an upper-case hex digest", () => {
    expect(verifySignature(body, "sha256=" + goodHeader.slice(7).toUpperCase(), secret)).toBe(true);
  });

  it("rejects a signature made with another secret", () => {
    expect(verifySignature(body, signPayload(body, "other-secret"), secret)).toBe(false);
  });

  it("rejects a tampered body", () => {
    const tampered = Buffer.from(body.toString("utf8").replace("blue sofa", "red sofa"));
    expect(verifySignature(tampered, goodHeader, secret)).toBe(false);
  });

  it("rejects re-serialized JSON, which is not the bytes Meta signed", () => {
    const reserialized = JSON.stringify(JSON.parse(body.toString("utf8")));
    expect(verifySignature(reserialized, goodHeader, secret)).toBe(false);
  });

  it("rejects a digest of the wrong length without throwing", () => {
    expect(verifySignature(body, goodHeader.slice(0, -2), secret)).toBe(false);
    expect(verifySignature(body, goodHeader + "00", secret)).toBe(false);
  });

  it("rejects a header without the sha256= prefix", () => {
    expect(verifySignature(body, goodHeader.slice(7), secret)).toBe(false);
    expect(verifySignature(body, "sha1=" + goodHeader.slice(7), secret)).toBe(false);
  });

  it("rejects garbage and missing headers without throwing", () => {
    for (const header of [undefined, null, "", "sha256=", "sha256=zz" + "0".repeat(62), "💥", "sha256=" + "g".repeat(64)]) {
      expect(verifySignature(body, header, secret)).toBe(false);
    }
  });

  it("refuses everything when no app secret is configured", () => {
    expect(verifySignature(body, signPayload(body, ""), "")).toBe(false);
  });

  it("signPayload produces the header verifySignature accepts", () => {
    expect(signPayload(body, secret)).toBe(goodHeader);
  });
});
