"use client";

import type { Toast } from "./use-toast";

/** The inbox's toast, with its optional action (e.g. Undo), announced politely to screen readers. */
export function ToastBar({ toast, onDismiss }: { toast: Toast | null; onDismiss: () => void }) {
  if (!toast) return null;
  return (
    <div role="status" data-testid="toast" className="fixed bottom-4 left-1/2 z-30 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg">
      <span>{toast.text}</span>
      {toast.action ? (
        <button type="button" className="font-semibold text-brand-100 underline"
          onClick={async () => {
            const action = toast.action!;
            onDismiss();
            await action.run();
          }}>
          {toast.action.label}
        </button>
      ) : null}
    </div>
  );
}
