import { describe, expect, it } from "vitest";
import { ApiError, errorResponse, isDatabaseUnavailable } from "@/lib/api/errors";

// Shaped like Prisma's errors (matched by name and code, see errors.ts).
function prismaError(name: string, code?: string, meta?: unknown) {
  return Object.assign(new Error("Operation has timed out"), { name, code, meta });
}

/** A raw query that failed in the driver (P2010), as Prisma reports SQLite's SQLITE_BUSY. */
const rawQueryError = (kind: string) =>
  prismaError("PrismaClientKnownRequestError", "P2010", { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "SQLITE_BUSY", kind } } });

describe("errorResponse", () => {
  it("answers a busy or unreachable database with 503 and Retry-After, so Meta redelivers", async () => {
    for (const error of [prismaError("PrismaClientKnownRequestError", "P1008"), prismaError("PrismaClientInitializationError"), rawQueryError("SocketTimeout")]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      const res = errorResponse(error);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).error.code).toBe("SERVICE_UNAVAILABLE");
    }
  });

  it("keeps other database errors and unknown errors a detail-free 500", async () => {
    for (const error of [prismaError("PrismaClientKnownRequestError", "P2002"), rawQueryError("UniqueConstraintViolation"), new TypeError("boom"), "text"]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
      const res = errorResponse(error);
      expect(res.status).toBe(500);
      expect(JSON.stringify(await res.json())).not.toContain("boom");
    }
  });

  it("maps ApiError codes to their statuses", () => {
    expect(errorResponse(new ApiError({ code: "PAYLOAD_TOO_LARGE", message: "too big" })).status).toBe(413);
  });
});
