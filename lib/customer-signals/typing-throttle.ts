/** Meta shows typing_on for about 20 s (WhatsApp 25 s); one call per this long keeps it up without flooding. */
export const TYPING_REFRESH_MS = 10_000;

export type TypingCall = "on" | "off" | null;

/**
 * Which typing call to make for a conversation as staff tabs start and stop typing: `on` at most
 * every TYPING_REFRESH_MS while anyone types, `off` once the last typist stops (abandoned), nothing
 * after a reply went out (Meta hides the indicator itself when a message arrives). Pure: the clock
 * is passed in.
 */
export class TypingThrottle {
  private readonly conversations = new Map<string, { typists: Set<string>; onSentAt: number | null }>();

  typed(conversationId: string, connectionId: string, now: number): TypingCall {
    const state = this.conversations.get(conversationId) ?? { typists: new Set<string>(), onSentAt: null };
    this.conversations.set(conversationId, state);
    state.typists.add(connectionId);
    if (state.onSentAt !== null && now - state.onSentAt < TYPING_REFRESH_MS) return null;
    state.onSentAt = now;
    return "on";
  }

  stopped(conversationId: string, connectionId: string): TypingCall {
    const state = this.conversations.get(conversationId);
    if (!state?.typists.delete(connectionId) || state.typists.size > 0) return null;
    this.conversations.delete(conversationId);
    return state.onSentAt === null ? null : "off";
  }

  replySent(conversationId: string): void {
    this.conversations.delete(conversationId);
  }
}
