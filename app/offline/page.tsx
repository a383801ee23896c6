import type { Metadata } from "next";

export const metadata: Metadata = { title: "Offline" };

/** What the installed app shows without a network (the service worker keeps a copy, public/sw.js). */
export default function OfflinePage() {
  return (
    <main className="flex h-full items-center justify-center p-6">
      <div className="max-w-sm space-y-3 text-center">
        <span className="mx-auto flex h-10 w-10 items-center justify-center rounded-lg bg-brand-600 text-lg font-bold text-white">U</span>
        <h1 className="text-lg font-semibold">You are offline</h1>
        <p className="text-sm text-slate-600">The inbox needs a connection to show your conversations. It will be back as soon as you are.</p>
        <a href="/inbox" className="inline-block rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">Try again</a>
      </div>
    </main>
  );
}
