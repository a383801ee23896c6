"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * The composer's text, kept per conversation in this browser's localStorage until it is sent or
 * cleared, so switching conversations or reloading loses nothing. Memory serves when storage is
 * unavailable (private mode, quota), for as long as the tab lives.
 */

const PREFIX = "inbox:draft:";
const drafts = new Map<string, string>();
const listeners = new Set<() => void>();

function read(conversationId: string): string {
  if (!drafts.has(conversationId)) {
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(PREFIX + conversationId);
    } catch {
      // Storage blocked: the draft lives in memory only.
    }
    drafts.set(conversationId, stored ?? "");
  }
  return drafts.get(conversationId)!;
}

function write(conversationId: string, text: string) {
  drafts.set(conversationId, text);
  try {
    if (text) window.localStorage.setItem(PREFIX + conversationId, text);
    else window.localStorage.removeItem(PREFIX + conversationId);
  } catch {
    // Kept in memory.
  }
  listeners.forEach((notify) => notify());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Signing out forgets every draft: they can quote customers, and the next person may share this browser. */
export function clearDrafts() {
  drafts.clear();
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, index) => window.localStorage.key(index));
    for (const key of keys) if (key?.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // Nothing was stored.
  }
}

export function useDraft(conversationId: string): [string, (text: string) => void] {
  const text = useSyncExternalStore(subscribe, () => read(conversationId), () => "");
  const setText = useCallback((value: string) => write(conversationId, value), [conversationId]);
  return [text, setText];
}
