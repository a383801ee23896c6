"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** Asked when a lead moves to Lost: why, so the team learns from it. The reason is optional, the question is not. */
export function LostReasonDialog({ leadName, onConfirm, onCancel }: { leadName: string; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="lost-reason-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form
        method="dialog"
        className="space-y-3 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(reason.trim());
        }}
      >
        <h2 id="lost-reason-title" className="text-base font-semibold text-slate-900">Mark {leadName} as lost</h2>
        <label className="block text-sm">
          <span className="mb-1 block text-slate-600">Why was it lost?</span>
          <textarea
            autoFocus
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            placeholder="Too expensive, bought elsewhere, no answer…"
            className="block w-full resize-none rounded-md border border-slate-300 px-2 py-1.5 placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
        </label>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="danger">Mark as lost</Button>
        </div>
      </form>
    </dialog>
  );
}
