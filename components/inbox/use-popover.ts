"use client";

import { useEffect, useRef, useState } from "react";
import { isTyping } from "./is-typing";

/**
 * Open/close state for a small menu anchored in the thread header: closes on Escape or a click
 * outside, and opens from anywhere in the inbox with its single-key shortcut (not while typing).
 */
export function usePopover(shortcut: string) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (open && event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        return;
      }
      if (open || event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === shortcut) {
        event.preventDefault();
        setOpen(true);
      }
    };
    const onMouseDown = (event: MouseEvent) => {
      if (open && !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown, true);
    document.addEventListener("mousedown", onMouseDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown, true);
      document.removeEventListener("mousedown", onMouseDown);
    };
  }, [open, shortcut]);
  return { open, setOpen, root };
}
