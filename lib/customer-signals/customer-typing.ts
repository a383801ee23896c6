import { describeError } from "@/lib/describe-error";
import { loadSignalTarget } from "./signal-target";
import { TypingThrottle, type TypingCall } from "./typing-throttle";

// One per instance (route bundles load this module separately). With several instances two
// teammates typing on different ones may each refresh the indicator: harmless, at most twice as often.
const globalForTyping = globalThis as unknown as { inboxTypingThrottle?: TypingThrottle };
const throttle = (globalForTyping.inboxTypingThrottle ??= new TypingThrottle());

/**
 * A staff tab started or stopped typing in a conversation's composer: show or stop the customer's
 * typing indicator. Meant to run after the presence report is answered; failures are logged only.
 */
export async function staffTyping(input: { conversationId: string; connectionId: string; typing: boolean }): Promise<void> {
  const call = input.typing ? throttle.typed(input.conversationId, input.connectionId, Date.now()) : throttle.stopped(input.conversationId, input.connectionId);
  await sendTypingCall(input.conversationId, call);
}

/** A reply went out: Meta already hid the indicator, so no "off" follows. */
export function replySent(conversationId: string): void {
  throttle.replySent(conversationId);
}

async function sendTypingCall(conversationId: string, call: TypingCall): Promise<void> {
  if (call === null) return;
  try {
    const found = await loadSignalTarget(conversationId);
    if (!found?.adapter.sendTyping) return;
    await found.adapter.sendTyping(found.creds, { ...found.target, on: call === "on" });
  } catch (error) {
    console.warn(`[customer-signals] typing ${call} failed for conversation ${conversationId}: ${describeError(error)}`);
  }
}
