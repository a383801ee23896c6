"use client";

import { useEffect } from "react";

/** Installs the service worker (public/sw.js: the app shell offline, and an offline page). */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    // A failed registration (private mode, an old browser) only costs offline support.
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  }, []);
  return null;
}
