"use client";

import { useState } from "react";
import type { ActionMessageValue } from "@/components/settings/action-message";

/**
 * Runs one settings mutation at a time and keeps its outcome for <ActionMessage>: `done` describes
 * success (from the result when it depends on it); a thrown error's message is shown as is.
 */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<ActionMessageValue | null>(null);

  async function run<T>(action: () => Promise<T>, done: string | ((result: T) => ActionMessageValue)): Promise<T | undefined> {
    setPending(true);
    setMessage(null);
    try {
      const result = await action();
      setMessage(typeof done === "string" ? { tone: "good", text: done } : done(result));
      return result;
    } catch (error) {
      setMessage({ tone: "bad", text: error instanceof Error ? error.message : "That did not work" });
      return undefined;
    } finally {
      setPending(false);
    }
  }

  return { pending, message, setMessage, run };
}
