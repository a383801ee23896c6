import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (tokens, app secrets). Format: `v1:<iv>:<tag>:<ciphertext>`,
 * base64url parts, so a value can be recognised as encrypted and the scheme can change later.
 */

const PREFIX = "v1";

export function encryptSecret(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [PREFIX, iv, tag, ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}

export function decryptSecret(sealed: string, key: Buffer): string {
  const [prefix, iv, tag, ciphertext] = sealed.split(":");
  if (prefix !== PREFIX || !iv || !tag || ciphertext === undefined) {
    throw new Error("Not an encrypted secret");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** "•••• 1a2b": enough for an admin to recognise a secret without revealing it. */
export function maskSecret(plaintext: string | null | undefined): string | null {
  if (!plaintext) return null;
  return `•••• ${plaintext.slice(-4)}`;
}
