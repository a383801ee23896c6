import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

/**
 * A local HTTP receiver for outgoing webhooks: records every request and answers by path —
 * `/ok` 200, `/fail` 500 with a body, `/flaky` 503 for the first `flakyFailures` requests then 200.
 * Started on a fixed port it can be closed and reopened there (a receiver that is down for a while).
 */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: { port?: number; flakyFailures?: number } = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let flaky = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      let status = 200;
      if (path === "/fail") status = 500;
      if (path === "/flaky") status = flaky++ < (options.flakyFailures ?? 2) ? 503 : 200;
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), status });
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status === 200 ? "thanks" : `receiver failed on purpose (${status})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
