import { db } from "@/lib/db";
import { isTransactionConflict, isUniqueViolation, type UniqueTarget } from "@/lib/db-errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Generous limits: under a burst, SQLite serialises writers and a transaction may wait its turn. */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/** Meta's message id, unique per channel: a violation means "this message is already stored". */
export const MESSAGE_DEDUPE: UniqueTarget = { model: "Message", fields: ["channel", "externalId"] };

export const isDuplicateMessage = (error: unknown) => isUniqueViolation(error, MESSAGE_DEDUPE);

/**
 * Runs `work` in a transaction, again when it lost a race to create a shared row (two first
 * messages from a new customer both creating the Contact, on PostgreSQL): the retry finds the row
 * the winner created, and again when the database aborted it for conflicting with a concurrent
 * one. A duplicate message is not a race to retry: the caller handles it.
 */
export async function transactionRetryingRaces<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, TRANSACTION_OPTIONS);
    } catch (error) {
      const race = (isUniqueViolation(error) && !isDuplicateMessage(error)) || isTransactionConflict(error);
      if (attempt >= 3 || !race) throw error;
    }
  }
}
