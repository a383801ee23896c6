"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The emoji salespeople reach for, a click away. A short fixed list on purpose: a full picker
 * library would weigh more than the rest of the inbox; the system's own picker (Win+. / Ctrl+Cmd+Space)
 * still works in the composer for the rest.
 */
const EMOJI = [
  "😀", "😊", "😉", "😍", "🥰", "😘", "🤗", "🤔", "😅", "😂", "🙂", "😎",
  "🙏", "👍", "👌", "👏", "🙌", "💪", "👋", "🤝", "✌️", "👀", "💯", "✅",
  "❤️", "💙", "💚", "🧡", "✨", "🎉", "🎁", "🔥", "⭐", "📦", "🚚", "📍",
  "🛋️", "🪑", "🛏️", "🖼️", "💡", "🏠", "📸", "💬", "📞", "⏰", "💶", "🏷️",
];

export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  return (
    <div ref={root} className="relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}>
      <button type="button" aria-label="Insert emoji" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen((value) => !value)}
        className="flex h-10 w-10 shrink-0 items-center justify-center rounded-lg text-lg text-slate-600 hover:bg-slate-100">
        <span aria-hidden>🙂</span>
      </button>
      {open ? (
        <div role="dialog" aria-label="Emoji" data-testid="emoji-picker"
          className="absolute bottom-full left-0 z-20 mb-1 grid w-72 grid-cols-8 gap-0.5 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
          {EMOJI.map((emoji) => (
            <button key={emoji} type="button" aria-label={emoji} onClick={() => { onPick(emoji); setOpen(false); }}
              className="flex h-8 w-8 items-center justify-center rounded text-lg hover:bg-slate-100 focus:bg-slate-100">
              {emoji}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
