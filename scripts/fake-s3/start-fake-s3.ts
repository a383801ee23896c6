// A local stand-in for an S3-compatible bucket (path-style PutObject / GetObject / HeadObject /
// DeleteObject), for tests and the local demo. It checks each request's SigV4 signature against
// the one key pair it knows, so a misconfigured secret fails here exactly as it would on S3.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeS3Options {
  port?: number;
  host?: string;
  bucket?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export interface FakeS3Object {
  body: Buffer;
  contentType: string;
}

export interface FakeS3 {
  url: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** What the bucket holds, by key. */
  objects: Map<string, FakeS3Object>;
  /** Every request's method and key, in order. */
  requests: { method: string; key: string; status: number }[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function s3Error(res: ServerResponse, status: number, code: string, message: string): number {
  res.writeHead(status, { "Content-Type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
  return status;
}

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Recomputes the AWS Signature Version 4 of a request; true when it matches the one sent. */
function signatureMatches(req: IncomingMessage, body: Buffer, accessKeyId: string, secretAccessKey: string): boolean {
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
    req.headers.authorization ?? "",
  );
  if (!match) return false;
  const [, keyId, date, region, signedHeaders, signature] = match;
  if (keyId !== accessKeyId) return false;
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256Hex(body)) return false;
  const url = new URL(req.url ?? "/", "http://fake");
  const query = [...url.searchParams]
    .map(([name, value]) => [rfc3986(name), rfc3986(value)])
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const headers = signedHeaders
    .split(";")
    .map((name) => `${name}:${String(req.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const canonicalRequest = [req.method, url.pathname, query, headers, signedHeaders, payloadHash].join("\n");
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", String(req.headers["x-amz-date"]), scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), "s3"), "aws4_request");
  const expected = createHmac("sha256", signingKey).update(stringToSign).digest();
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

export async function startFakeS3(options: FakeS3Options = {}): Promise<FakeS3> {
  const bucket = options.bucket ?? "inbox-media";
  const accessKeyId = options.accessKeyId ?? "fake-access-key";
  const secretAccessKey = options.secretAccessKey ?? "fake-secret-key";
  const objects = new Map<string, FakeS3Object>();
  const requests: FakeS3["requests"] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake");
    const [, bucketName, ...keyParts] = url.pathname.split("/").map(decodeURIComponent);
    if (!signatureMatches(req, body, accessKeyId, secretAccessKey)) {
      return s3Error(res, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }
    if (bucketName !== bucket) return s3Error(res, 404, "NoSuchBucket", "The specified bucket does not exist");
    const key = keyParts.join("/");
    if (key === "") return s3Error(res, 400, "InvalidRequest", "This fake serves objects only");
    const stored = objects.get(key);
    switch (req.method) {
      case "PUT":
        objects.set(key, { body, contentType: String(req.headers["content-type"] ?? "binary/octet-stream") });
        res.writeHead(200, { ETag: `"${createHash("md5").update(body).digest("hex")}"` }).end();
        return 200;
      case "GET":
      case "HEAD":
        if (!stored) return s3Error(res, 404, "NoSuchKey", "The specified key does not exist.");
        res.writeHead(200, { "Content-Type": stored.contentType, "Content-Length": stored.body.byteLength });
        res.end(req.method === "GET" ? stored.body : undefined);
        return 200;
      case "DELETE":
        objects.delete(key);
        res.writeHead(204).end();
        return 204;
      default:
        return s3Error(res, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }
  }

  const server = createServer((req, res) => {
    handle(req, res)
      .then((status) => requests.push({ method: req.method ?? "", key: decodeURIComponent(new URL(req.url ?? "/", "http://fake").pathname), status }))
      .catch((error: unknown) => {
        if (!res.headersSent) s3Error(res, 500, "InternalError", String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    bucket,
    accessKeyId,
    secretAccessKey,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
