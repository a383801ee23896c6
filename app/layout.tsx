import type { Metadata } from "next";
import { connection } from "next/server";
import { ZodWithoutEval } from "@/components/shell/zod-without-eval";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Unified Inbox", template: "%s · Unified Inbox" },
  description: "Instagram and WhatsApp conversations with your customers, in one inbox.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts need that request's CSP nonce (proxy.ts), which a
  // page prerendered at build time could not carry.
  await connection();
  return (
    <html lang="en">
      <body className="font-sans">
        <ZodWithoutEval />
        {children}
      </body>
    </html>
  );
}
