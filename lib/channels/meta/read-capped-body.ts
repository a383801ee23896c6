/**
 * A download larger than the caller's limit. Thrown while streaming, as soon as the limit is passed,
 * so an oversized file is never held in memory in full.
 */
export class DownloadTooLargeError extends Error {
  constructor(readonly maxBytes: number, readonly declaredBytes?: number) {
    super(`The file is larger than the ${maxBytes}-byte limit`);
    this.name = "DownloadTooLargeError";
  }
}

/** The response body, refusing more than `maxBytes` (a declared Content-Length over it fails before reading). */
export async function readCappedBody(response: Response, maxBytes: number | undefined): Promise<Uint8Array> {
  if (maxBytes === undefined) return new Uint8Array(await response.arrayBuffer());
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new DownloadTooLargeError(maxBytes, declared);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw new DownloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
