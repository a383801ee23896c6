import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskSecret } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);

  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("EAAG-secret-token-1234", key);
    expect(sealed).not.toContain("EAAG");
    expect(sealed.startsWith("v1:")).toBe(true);
    expect(decryptSecret(sealed, key)).toBe("EAAG-secret-token-1234");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a tampered value or the wrong key", () => {
    const sealed = encryptSecret("token", key);
    const parts = sealed.split(":");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join(":"), key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow();
    expect(() => decryptSecret("plain-text", key)).toThrow("Not an encrypted secret");
  });

  it("masks to the last four characters", () => {
    expect(maskSecret("abcdef1234")).toBe("•••• 1234");
    expect(maskSecret(null)).toBeNull();
  });
});
