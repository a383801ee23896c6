// Unsigned large webhook bodies against a running app: /api/health's median latency alone, then
// while a flood of unsigned 900 KB bodies goes to the webhook route. The signature is checked before
// any parsing and a body without a signature header is refused before it is read, so the ratio of
// the two medians (same run, same machine) shows what the flood costs everyone else.
import autocannon from "autocannon";

export interface UnsignedFloodFigures {
  healthAloneP50: number;
  healthUnderFloodP50: number;
  floodRequestsPerSecond: number;
  flood401: number;
  floodOther: number;
}

const BODY = JSON.stringify({ object: "instagram", entry: [], padding: "x".repeat(900_000) });

export async function benchUnsignedFlood(appUrl: string, seconds: number): Promise<UnsignedFloodFigures> {
  const health = () => autocannon({ url: appUrl, connections: 2, duration: seconds, requests: [{ method: "GET", path: "/api/health" }] });
  const alone = await health();
  let refused = 0;
  let other = 0;
  const flood = autocannon({
    url: appUrl,
    connections: 5,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/api/webhooks/instagram",
        headers: { "content-type": "application/json" },
        body: BODY,
        onResponse: (status) => (status === 401 ? refused++ : other++),
      },
    ],
  });
  const [underFlood, flooded] = await Promise.all([health(), flood]);
  return {
    healthAloneP50: alone.latency.p50,
    healthUnderFloodP50: underFlood.latency.p50,
    floodRequestsPerSecond: flooded.requests.total / flooded.duration,
    flood401: refused,
    floodOther: other,
  };
}
