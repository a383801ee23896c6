import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { encryptionKey } from "@/lib/local-secrets";

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64, as the specification shows. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** Stored encrypted with the app key, like channel tokens: a database dump alone can't forge deliveries. */
export function sealSigningSecret(secret: string): string {
  return encryptSecret(secret, encryptionKey());
}

export function openSigningSecret(sealed: string): string {
  return decryptSecret(sealed, encryptionKey());
}
