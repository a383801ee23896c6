"use client";

import { useEffect, useId, useState } from "react";
import type { ActionMessageValue } from "@/components/settings/action-message";

/** Announces that some settings action started, so every other row's old outcome goes away. */
const ACTION_STARTED = "settings:action-started";

/**
 * Runs one settings mutation at a time and keeps its outcome for <ActionMessage>: `done` describes
 * success (from the result when it depends on it); a thrown error's message is shown as is. The
 * outcome is shown until the next action anywhere on the page: an error about another row, left
 * from before, reads as if the new action had failed.
 */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<ActionMessageValue | null>(null);
  const id = useId();

  useEffect(() => {
    const clear = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== id) setMessage(null);
    };
    window.addEventListener(ACTION_STARTED, clear);
    return () => window.removeEventListener(ACTION_STARTED, clear);
  }, [id]);

  async function run<T>(action: () => Promise<T>, done: string | ((result: T) => ActionMessageValue)): Promise<T | undefined> {
    setPending(true);
    setMessage(null);
    window.dispatchEvent(new CustomEvent(ACTION_STARTED, { detail: id }));
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
