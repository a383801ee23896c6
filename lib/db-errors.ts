import { Prisma } from "@/lib/generated/prisma/client";

/** Which unique constraint: the model and, optionally, its exact columns. */
export interface UniqueTarget {
  model: string;
  fields?: readonly string[];
}

/**
 * True when `error` is a unique-constraint violation (P2002), optionally of one model's constraint.
 * Use this rather than reading `error.meta`: through driver adapters Prisma sets no `meta.target`,
 * and the columns it reports differ by database (PostgreSQL quotes mixed-case ones:
 * `["channel", "\"externalId\""]`, SQLite does not).
 *
 * Say which constraint whenever a transaction touches several: on PostgreSQL two transactions
 * racing to create the same new Contact make one fail on Contact(channel, externalId) — the same
 * columns as Message's dedupe key — and that is "retry", not "already stored".
 */
export function isUniqueViolation(error: unknown, target?: UniqueTarget): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!target) return true;
  const meta = error.meta as
    | { modelName?: unknown; target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } }
    | undefined;
  if (meta?.modelName !== target.model) return false;
  if (!target.fields) return true;
  const reported = meta.driverAdapterError?.cause?.constraint?.fields ?? meta.target;
  if (!Array.isArray(reported)) return false;
  const violated = reported.map((field) => String(field).replace(/^"(.*)"$/, "$1"));
  return violated.length === target.fields.length && target.fields.every((field) => violated.includes(field));
}

/**
 * True when the database aborted a transaction because it conflicted with a concurrent one
 * (P2034: PostgreSQL's serialization failure), or PostgreSQL's deadlock detector chose it (40P01,
 * which the pg adapter passes through as a bare DriverAdapterError: two batches inserting the same
 * rows in different orders). Running it again is the documented cure for both.
 */
export function isTransactionConflict(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return true;
  const cause = error instanceof Error && error.name === "DriverAdapterError" ? (error.cause as { code?: unknown } | undefined) : undefined;
  return cause?.code === "40P01";
}
