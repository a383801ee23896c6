import { describeError } from "@/lib/describe-error";
import { loadSignalTarget } from "./signal-target";

/**
 * The customer sees that we read their messages (Instagram / Messenger `mark_seen`, WhatsApp a read
 * receipt on their latest message). Called once per unread batch, after the read is answered; a
 * failure is logged, never shown: staff did read it, whatever Meta says.
 */
export async function tellCustomerSeen(conversationId: string): Promise<void> {
  try {
    const found = await loadSignalTarget(conversationId);
    if (!found?.adapter.markSeen) return;
    await found.adapter.markSeen(found.creds, found.target);
  } catch (error) {
    console.warn(`[customer-signals] mark seen failed for conversation ${conversationId}: ${describeError(error)}`);
  }
}
