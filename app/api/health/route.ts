// GET /api/health — liveness for load balancers and the test harness: 200 only when the database answers.
import { isDatabaseReachable } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await isDatabaseReachable()) return Response.json({ status: "ok" });
  return Response.json(
    { status: "unavailable", error: { code: "SERVICE_UNAVAILABLE", message: "Database unreachable" } },
    { status: 503 },
  );
}
