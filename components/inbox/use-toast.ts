"use client";

import { useCallback, useEffect, useState } from "react";

export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => Promise<void> };
}

/** How long a toast stays before it goes by itself. */
const TOAST_MS = 7000;

/** One toast at a time: a new one replaces the last, and each dismisses itself after a while. */
export function useToast() {
  const [toast, setToast] = useState<Toast | null>(null);
  const showToast = useCallback((text: string, action?: Toast["action"]) => setToast({ id: Date.now(), text, action }), []);
  const dismissToast = useCallback(() => setToast(null), []);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return { toast, showToast, dismissToast };
}
