import { Prisma } from "@/lib/generated/prisma/client";

/**
 * True when `error` is a unique-constraint violation (P2002), optionally on exactly these columns.
 * Use this rather than reading `error.meta`: through driver adapters Prisma sets no `meta.target`,
 * and the columns it reports differ by database (PostgreSQL's come quoted when mixed-case:
 * `["channel", "\"externalId\""]`, SQLite's plain).
 */
export function isUniqueViolation(error: unknown, fields?: readonly string[]): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!fields) return true;
  const violated = uniqueViolationFields(error);
  return violated !== null && violated.length === fields.length && fields.every((field) => violated.includes(field));
}

function uniqueViolationFields(error: Prisma.PrismaClientKnownRequestError): string[] | null {
  const meta = error.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } }
    | undefined;
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target;
  if (!Array.isArray(fields)) return null;
  return fields.map((field) => String(field).replace(/^"(.*)"$/, "$1"));
}
