import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, type MediaStorage } from "./media-storage";

/**
 * Files under one directory (DATA_DIR/media by default), fanned out by the key's first two
 * characters so no directory grows to millions of entries. The content type is kept in a sidecar
 * file because the key carries no extension.
 */
export function localStorage(root: string): MediaStorage {
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    kind: "local",
    async put(key, body, contentType) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file, even if the process dies mid-write.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, body);
      await writeFile(`${file}.type`, contentType);
      await rename(partial, file);
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const [body, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8")]);
        return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), contentType, size: body.byteLength };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      const file = fileOf(key);
      await Promise.all([rm(file, { force: true }), rm(`${file}.type`, { force: true })]);
    },
  };
}
