import type { Metadata } from "next";

export const metadata: Metadata = { title: "Inbox" };

export default function InboxPage() {
  return (
    <main className="flex h-full items-center justify-center p-8">
      <div className="max-w-md text-center">
        <h1 className="text-lg font-semibold">Your inbox is empty</h1>
        <p className="mt-2 text-sm text-slate-600">
          Conversations from Instagram and WhatsApp appear here as soon as customers message you.
        </p>
      </div>
    </main>
  );
}
