import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): installable, opening on the inbox. Icons: scripts/generate-pwa-icons.ts. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Unified Inbox",
    short_name: "Inbox",
    description: "Instagram and WhatsApp conversations with your customers, in one inbox.",
    start_url: "/inbox",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#2855e0",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
