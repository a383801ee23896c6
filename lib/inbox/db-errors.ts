import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A unique-constraint violation: two writers raced to insert the same dedupe key (a redelivered
 * webhook, a double-clicked reply). Callers treat it as "already there", not as a failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Generous limits: under a burst, SQLite serialises writers and a transaction may wait its turn. */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;
