"use client";

import { useEffect, useRef } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { clockTime } from "@/lib/inbox/format";
import type { BubbleMessage } from "./message-bubble";
import { messageElementId } from "./message-bubble";

/**
 * A private note in the thread: full width, amber, labelled, so nobody mistakes it for something
 * the customer saw. `@Name` mentions are highlighted. A link to the note (the mentions bell's
 * `#message-<id>`) brings it into view once it is on screen.
 */
export function NoteBubble({ message }: { message: BubbleMessage }) {
  const element = useRef<HTMLDivElement>(null);
  const id = messageElementId(message.id);
  useEffect(() => {
    if (window.location.hash !== `#${id}`) return;
    element.current?.scrollIntoView({ block: "center" });
    element.current?.focus({ preventScroll: true });
  }, [id]);
  return (
    <div ref={element} id={id} tabIndex={-1} data-testid="note" className="px-4 focus:outline-none">
      <div className="mx-auto max-w-[85%] rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-slate-900 ring-amber-400 focus:ring-2">
        <p className="mb-0.5 text-xs font-semibold text-amber-800">
          Private note · {message.sentBy?.name ?? "Former teammate"} · <LocalTime iso={message.sentAt} format={clockTime} />
        </p>
        <p className="break-words whitespace-pre-wrap">{highlightMentions(message.text ?? "")}</p>
      </div>
    </div>
  );
}

function highlightMentions(text: string) {
  return text.split(/(@[\p{L}\p{N}_]+)/u).map((part, index) =>
    part.startsWith("@") ? (
      <strong key={index} className="font-semibold text-amber-900">{part}</strong>
    ) : (
      part
    ),
  );
}
