import Link from "next/link";
import { channelCatalog } from "@/lib/channels/catalog";

/** "WhatsApp, Instagram or Messenger". */
const CHANNEL_NAMES = new Intl.ListFormat("en", { type: "disjunction" }).format(channelCatalog.map((meta) => meta.label));

/** A new install: teach how to connect a channel, or how to see the inbox fill up without Meta. */
export function NoChannels() {
  return (
    <div className="flex flex-1 items-center justify-center overflow-y-auto p-8" data-testid="no-channels">
      <div className="max-w-lg space-y-4 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">Connect a channel to start</h2>
        <p>
          Conversations from {CHANNEL_NAMES} land here as soon as a channel is connected. An admin connects
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

export interface Welcome {
  channelConnected: boolean;
  teamSize: number;
}

/**
 * The first screen after setup, for an admin with an empty inbox: the three things that make it
 * useful, each with where to do it, ticked off as they are done.
 */
export function GettingStarted({ welcome }: { welcome: Welcome }) {
  const steps = [
    {
      done: welcome.channelConnected,
      title: "Connect a channel",
      body: <>{CHANNEL_NAMES}, in <Link href="/settings/integrations" className="font-medium text-brand-700 underline">Settings → Integrations</Link>. Conversations land here live.</>,
    },
    {
      done: welcome.teamSize > 1,
      title: "Invite your team",
      body: <>Add the salespeople who answer customers in <Link href="/settings/team" className="font-medium text-brand-700 underline">Settings → Team</Link>.</>,
    },
    {
      done: false,
      title: "Try it with the simulator",
      body: (
        <>
          No Meta account needed: <code className="rounded bg-slate-100 px-1">npm run meta:fake</code>, start the app with the lines it prints,
          then <code className="rounded bg-slate-100 px-1">npm run meta:simulate -- --demo</code>. Customers start writing in.
        </>
      ),
    },
  ];
  return (
    <div className="flex flex-1 items-center justify-center overflow-y-auto p-8" data-testid="getting-started">
      <div className="max-w-lg space-y-4 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">Welcome! Three steps to a working inbox</h2>
        <ol className="space-y-3">
          {steps.map((step, index) => (
            <li key={step.title} className="flex gap-3" data-done={step.done}>
              <span aria-hidden className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${step.done ? "bg-emerald-600 text-white" : "bg-slate-200 text-slate-700"}`}>
                {step.done ? "✓" : index + 1}
              </span>
              <div>
                <p className="font-medium text-slate-900">{step.title}{step.done ? <span className="sr-only"> (done)</span> : null}</p>
                <p className="text-slate-600">{step.body}</p>
              </div>
            </li>
          ))}
        </ol>
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
