import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutboundUrl, fencedFetch, FetchRefusedError } from "@/lib/net/fenced-fetch";

// Real sockets on loopback: the fence must refuse them unless a host is trusted by name.
function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;

describe("fencedFetch", () => {
  let target: Server;
  let redirector: Server;
  let hits = 0;

  beforeAll(async () => {
    target = await listen((_req, res) => {
      hits++;
      res.end("internal secret");
    });
    redirector = await listen((req, res) => {
      res.writeHead(302, { location: req.url === "/relative" ? "/file" : `http://127.0.0.1:${portOf(target)}/` }).end();
    });
  });
  afterAll(() => {
    target.close();
    redirector.close();
  });

  async function refusal(url: string, options = {}) {
    const error = await fencedFetch(url, options).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchRefusedError);
    return (error as Error).message;
  }

  it("refuses loopback by address, by name after DNS and in decimal, octal and hex spellings, connecting to nothing", async () => {
    const port = portOf(target);
    for (const host of ["127.0.0.1", "localhost", "2130706433", "0177.0.0.1", "0x7f000001", "[::ffff:127.0.0.1]"]) {
      expect(await refusal(`http://${host}:${port}/`), host).toMatch(/private or reserved|does not resolve/);
    }
    expect(hits).toBe(0);
  });

  it("fetches a host trusted by name, and refuses a redirect from it to one that is not", async () => {
    const trusted = [`127.0.0.1:${portOf(target)}`];
    expect(await (await fencedFetch(`http://127.0.0.1:${portOf(target)}/`, { trustedPrivateHosts: trusted })).text()).toBe("internal secret");
    const before = hits;
    expect(await refusal(`http://127.0.0.1:${portOf(redirector)}/`, { trustedPrivateHosts: [`127.0.0.1:${portOf(redirector)}`] })).toMatch(/private or reserved/);
    expect(hits).toBe(before);
  });

  it("follows a redirect within a trusted host, up to the limit", async () => {
    const trusted = [`127.0.0.1:${portOf(redirector)}`];
    expect(await refusal(`http://127.0.0.1:${portOf(redirector)}/relative`, { trustedPrivateHosts: trusted, maxRedirects: 0 })).toMatch(/too many redirects/);
  });

  it("accepts only the allowed hosts when given, and only http(s)", async () => {
    expect(await refusal(`http://localhost:${portOf(target)}/`, { allowedHosts: ["fbcdn.net"] })).toMatch(/not an allowed host/);
    await expect(checkOutboundUrl("file:///etc/passwd")).rejects.toThrow(/file: URLs/);
    await expect(checkOutboundUrl("http://user:pw@example.com/")).rejects.toThrow(/credentials/);
    await expect(checkOutboundUrl("https://scontent.xx.fbcdn.net.evil.example/a.jpg", { allowedHosts: ["fbcdn.net"] })).rejects.toThrow(/not an allowed/);
    await expect(checkOutboundUrl("http://169.254.169.254/latest/meta-data/", { allowedHosts: ["169.254.169.254"] })).rejects.toThrow(/private or reserved/);
  });
});
