/**
 * Where attachment files live once they are ours: customer media downloaded from Meta (its links
 * expire in minutes to days) and files staff attach to replies. Keys are opaque ids chosen by us,
 * never by a customer, so a key can't name a path outside the store.
 */
export interface StoredObject {
  body: Uint8Array;
  contentType: string;
  size: number;
}

export interface MediaStorage {
  readonly kind: "local" | "s3";
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** null when there is no such object. */
  get(key: string): Promise<StoredObject | null>;
  /** Deleting a missing object is not an error: retries and cleanups may repeat. */
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.includes("..")) throw new Error(`Invalid media storage key "${key}"`);
}

/** Where an image's WebP preview is kept, beside the file itself. */
export function thumbnailKeyOf(mediaFileId: string): string {
  return `${mediaFileId}-thumb`;
}
