"use client";

import { useEffect } from "react";
import type { ConversationItemJson } from "@/lib/inbox/api-types";
import type { InboxUrlState } from "@/lib/inbox/inbox-url";
import { isTyping } from "./is-typing";

/** j/k or arrows move through the list, Enter opens (native link), Esc leaves the thread, "/" searches, u marks unread. */
export function useInboxKeyboard({ state, conversations, navigate, open, markUnread, closeDetails, detailsOpen }: {
  state: InboxUrlState;
  conversations: ConversationItemJson[];
  navigate: (next: Partial<InboxUrlState>) => void;
  open: (conversation: ConversationItemJson, how: "click" | "browse") => void;
  markUnread: (id: string) => Promise<void>;
  closeDetails: () => void;
  detailsOpen: boolean;
}) {
  // Re-attached whenever what it acts on changes, so the listener never sees a stale list.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (document.querySelector("dialog[open]")) return;
      if (isTyping(event.target)) {
        if (event.key === "Escape") (event.target as HTMLElement).blur();
        return;
      }
      const focused = (event.target as HTMLElement).closest?.("[data-conversation-id]") as HTMLElement | null;
      const items = () => Array.from(document.querySelectorAll<HTMLElement>("[data-conversation-id]"));
      const down = event.key === "j" || event.key === "ArrowDown";
      const up = event.key === "k" || event.key === "ArrowUp";
      if (down || up) {
        if (focused) {
          const all = items();
          const next = all[all.indexOf(focused) + (down ? 1 : -1)];
          if (next) {
            event.preventDefault();
            next.focus();
            next.scrollIntoView({ block: "nearest" });
          }
          return;
        }
        if (event.key.startsWith("Arrow")) return; // arrows outside the list keep scrolling the page
        event.preventDefault();
        const index = conversations.findIndex((conversation) => conversation.id === state.conversationId);
        const target = conversations[index === -1 ? 0 : index + (down ? 1 : -1)];
        if (target) {
          open(target, "browse");
          document.querySelector<HTMLElement>(`[data-conversation-id="${target.id}"]`)?.scrollIntoView({ block: "nearest" });
        }
        return;
      }
      if (event.key === "Escape") {
        if (detailsOpen) return closeDetails();
        if (!state.conversationId) return;
        const id = state.conversationId;
        navigate({ conversationId: null });
        requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)?.focus());
        return;
      }
      if (event.key === "u" && state.conversationId) {
        event.preventDefault();
        void markUnread(state.conversationId);
        return;
      }
      if (event.key === "/") {
        event.preventDefault();
        document.getElementById("inbox-search")?.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [state, conversations, navigate, open, markUnread, closeDetails, detailsOpen]);
}
