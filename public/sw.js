// The inbox's service worker: keeps the app shell (Next's hashed static files, icons, manifest) and
// an offline page, so the installed app opens without a network and says so. Conversations, the
// API and the live stream are never cached: they are private and must be current.
const CACHE = "inbox-shell-v1";
const OFFLINE_URL = "/offline";
const PRECACHE = [OFFLINE_URL, "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png", "/icon.svg"];

/** The shell, and the offline page's own scripts and styles, so it renders (styled) with no network. */
async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(PRECACHE);
  const html = await (await cache.match(OFFLINE_URL)).text();
  const assets = new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) ?? []);
  // One odd match must not cost the whole install: each is cached on its own.
  await Promise.allSettled([...assets].map((asset) => cache.add(asset)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

/** Hashed file names never change content: cache-first is safe, and they load offline. */
function isShellAsset(url) {
  return url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || PRECACHE.includes(url.pathname);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    // Pages are rendered per request (their CSP nonce): always from the network, the offline page without one.
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE_URL, { ignoreSearch: true })));
    return;
  }
  if (!isShellAsset(url)) return;
  // Next versions the icons with a query (`/icon.svg?icon.…`); hashed files are matched exactly.
  event.respondWith(
    caches.match(request, { ignoreSearch: !url.pathname.startsWith("/_next/") }).then(
      (cached) =>
        cached ??
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
          }
          return response;
        }),
    ),
  );
});
