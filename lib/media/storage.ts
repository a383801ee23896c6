import path from "node:path";
import { env } from "@/lib/env";
import { localStorage } from "./local-storage";
import type { MediaStorage } from "./media-storage";
import { s3Storage } from "./s3-storage";

const globalForStorage = globalThis as unknown as { mediaStorage?: MediaStorage };

/** The configured store, built once per process (MEDIA_STORAGE; env.ts checks the S3 settings). */
export function mediaStorage(): MediaStorage {
  globalForStorage.mediaStorage ??=
    env.MEDIA_STORAGE === "s3"
      ? s3Storage({
          bucket: env.S3_BUCKET!,
          region: env.S3_REGION,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
          endpoint: env.S3_ENDPOINT,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
        })
      : localStorage(path.join(env.DATA_DIR, "media"));
  return globalForStorage.mediaStorage;
}
