import { ApiError } from "@/lib/api/errors";
import type { UpdateConversationInput } from "@/lib/validations/conversation";

/**
 * What a PATCH does to status and snooze together. `snoozedUntil` puts the conversation aside
 * (status SNOOZED) until then, null wakes it (OPEN); archiving or reopening ends a snooze. Asking
 * for a status and a snooze at once is contradictory, so it is refused.
 */
export function snoozeChange(input: Pick<UpdateConversationInput, "status" | "snoozedUntil">) {
  if (input.snoozedUntil === undefined) {
    return input.status === undefined ? {} : { status: input.status, snoozedUntil: null };
  }
  if (input.status !== undefined) {
    throw new ApiError({
      code: "VALIDATION_FAILED",
      message: "Send either status or snoozedUntil, not both",
      details: [{ field: "snoozedUntil", issue: "Not together with status" }],
    });
  }
  return input.snoozedUntil === null
    ? { status: "OPEN" as const, snoozedUntil: null }
    : { status: "SNOOZED" as const, snoozedUntil: new Date(input.snoozedUntil) };
}
