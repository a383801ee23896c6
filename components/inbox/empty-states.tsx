import Link from "next/link";

/** A new install: teach how to connect a channel, or how to see the inbox fill up without Meta. */
export function NoChannels() {
  return (
    <div className="flex flex-1 items-center justify-center overflow-y-auto p-8" data-testid="no-channels">
      <div className="max-w-lg space-y-4 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">Connect a channel to start</h2>
        <p>
          Conversations from Instagram Direct and WhatsApp land here as soon as a channel is connected. An admin connects
          them in <Link href="/settings/integrations" className="font-medium text-brand-700 underline">Settings → Integrations</Link>.
        </p>
        <div>
          <p className="font-medium text-slate-900">No Meta account yet? Try it with the simulator:</p>
          <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-900 px-4 py-3 text-xs leading-relaxed text-slate-100">
{`npm run meta:fake                 # a fake Graph API on :4010
npm run meta:simulate -- --demo   # customers start writing`}
          </pre>
          <p className="mt-2 text-slate-500">Start the app with the credentials the fake API prints; messages appear here live.</p>
        </div>
      </div>
    </div>
  );
}

export function NoConversationOpen() {
  return (
    <div className="flex flex-1 items-center justify-center p-8 text-center text-sm text-slate-500">
      <div>
        <p className="font-medium text-slate-700">Pick a conversation</p>
        <p className="mt-1">
          <kbd className="rounded border border-slate-300 bg-white px-1">j</kbd> / <kbd className="rounded border border-slate-300 bg-white px-1">k</kbd> to move,{" "}
          <kbd className="rounded border border-slate-300 bg-white px-1">Enter</kbd> to open,{" "}
          <kbd className="rounded border border-slate-300 bg-white px-1">Esc</kbd> to go back,{" "}
          <kbd className="rounded border border-slate-300 bg-white px-1">/</kbd> to search.
        </p>
      </div>
    </div>
  );
}
