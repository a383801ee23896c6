import type { AttachmentJson } from "@/lib/inbox/api-types";

/**
 * A message this inbox can't show yet (an unknown type, an item we could not read): the bubble's
 * text says so, and staff can open what Meta actually sent, to answer it in the app that can.
 */
export function UnsupportedContent({ attachment }: { attachment: AttachmentJson }) {
  const raw = attachment.meta?.raw;
  const reason = typeof attachment.meta?.reason === "string" ? attachment.meta.reason : null;
  return (
    <details data-testid="unsupported-content" className="mb-1 text-xs">
      <summary className="cursor-pointer underline opacity-80">Show what Meta sent</summary>
      {reason ? <p className="mt-1 opacity-80">{reason}</p> : null}
      <pre className="mt-1 max-h-64 max-w-full overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-2 text-left text-[11px] text-slate-100">
        {JSON.stringify(raw, null, 2)}
      </pre>
    </details>
  );
}
