// GET /api/health — liveness for load balancers and the test harness: 200 only when the database
// answers and takes writes. Also counts webhook deliveries with failed items in the last 24 hours
// (`failedDeliveries24h`), so monitoring notices lost items before a customer does.
import { isDatabaseWritable } from "@/lib/health";
import { countFailedDeliveries } from "@/lib/settings/list-events";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await isDatabaseWritable()) return Response.json({ status: "ok", failedDeliveries24h: await countFailedDeliveries() });
  return Response.json(
    { status: "unavailable", error: { code: "SERVICE_UNAVAILABLE", message: "Database unreachable or read-only" } },
    { status: 503 },
  );
}
