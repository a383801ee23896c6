// GET /api/health — liveness for load balancers and the test harness: 200 only when the database
// answers and takes writes.
import { isDatabaseWritable } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await isDatabaseWritable()) return Response.json({ status: "ok" });
  return Response.json(
    { status: "unavailable", error: { code: "SERVICE_UNAVAILABLE", message: "Database unreachable or read-only" } },
    { status: 503 },
  );
}
