import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Unified Inbox", template: "%s · Unified Inbox" },
  description: "Instagram and WhatsApp conversations with your customers, in one inbox.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="font-sans">{children}</body>
    </html>
  );
}
