// A real HTTP server on 127.0.0.1 for the channel tests: each test scripts the answers and then
// asserts on exactly what the client put on the wire.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. `/v21.0/123/messages?fields=a`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body's bytes, for multipart uploads. */
  raw: Buffer;
  json: unknown;
}

export type Responder = (request: RecordedRequest, response: ServerResponse) => void;

export interface LocalGraphServer {
  url: string;
  requests: RecordedRequest[];
  /** Queues answers for the next requests, in order; the last one repeats. */
  reply(...responders: Responder[]): void;
  close(): Promise<void>;
}

export function json(status: number, body: unknown): Responder {
  return (_request, response) => {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  };
}

/** Never answers, to exercise client timeouts. */
export const hang: Responder = () => {};

export async function startLocalGraphServer(): Promise<LocalGraphServer> {
  const requests: RecordedRequest[] = [];
  let queue: Responder[] = [json(200, {})];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = raw.toString("utf8");
      let parsed: unknown;
      try {
        parsed = body ? JSON.parse(body) : undefined;
      } catch {
        parsed = undefined;
      }
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, raw, json: parsed };
      requests.push(recorded);
      const responder = queue.length > 1 ? queue.shift()! : queue[0];
      responder(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...responders) => {
      queue = responders;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
