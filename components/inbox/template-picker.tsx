"use client";

import { useState } from "react";
import type { MessageTemplateJson } from "@/lib/inbox/api-types";
import { useTemplates } from "@/lib/swr/use-templates";
import type { SendReplyInput } from "@/lib/validations/reply";

type ReplyBody = Omit<SendReplyInput, "idempotencyKey">;

function fill(body: string, parameters: string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (match, index) => parameters[Number(index) - 1] || match);
}

/** WhatsApp outside the 24-hour window: an approved template is the only way to re-open the conversation. */
export function TemplatePicker({ conversationId, onSend }: { conversationId: string; onSend: (body: ReplyBody) => Promise<void> }) {
  const { data, error, isLoading } = useTemplates(conversationId);
  const templates = data?.templates ?? [];
  const [chosen, setChosen] = useState<MessageTemplateJson | null>(null);
  const [parameters, setParameters] = useState<string[]>([]);

  if (error) return <p role="alert" className="mt-2 text-red-700">Couldn't load templates: {error.message}</p>;
  if (isLoading) return <p className="mt-2 text-slate-500">Loading approved templates…</p>;
  if (templates.length === 0) return <p className="mt-2 text-slate-500">No approved templates yet. Create one in WhatsApp Manager to re-open conversations.</p>;

  const ready = chosen !== null && parameters.length === chosen.parameterCount && parameters.every((value) => value.trim());
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen || !ready) return;
        void onSend({ template: { name: chosen.name, language: chosen.language, parameters: parameters.map((value) => value.trim()) } });
        setChosen(null);
        setParameters([]);
      }}
    >
      <label className="block text-slate-700">
        <span className="mb-1 block font-medium">Send an approved template instead</span>
        <select
          value={chosen ? `${chosen.name}|${chosen.language}` : ""}
          onChange={(event) => {
            const next = templates.find((template) => `${template.name}|${template.language}` === event.target.value) ?? null;
            setChosen(next);
            setParameters(Array.from({ length: next?.parameterCount ?? 0 }, () => ""));
          }}
          className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
        >
          <option value="">Choose a template…</option>
          {templates.map((template) => (
            <option key={`${template.name}|${template.language}`} value={`${template.name}|${template.language}`}>
              {template.name} ({template.language}) · {template.category.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      {chosen ? (
        <>
          {parameters.map((value, index) => (
            <label key={index} className="block">
              <span className="sr-only">Parameter {index + 1}</span>
              <input
                value={value}
                placeholder={`{{${index + 1}}}`}
                aria-label={`Template parameter ${index + 1}`}
                onChange={(event) => setParameters((list) => list.map((item, i) => (i === index ? event.target.value : item)))}
                className="block w-full rounded-md border border-slate-300 px-2 py-1.5"
              />
            </label>
          ))}
          <p className="rounded-md bg-slate-50 px-3 py-2 whitespace-pre-wrap text-slate-700" data-testid="template-preview">{fill(chosen.body, parameters)}</p>
          <button type="submit" disabled={!ready} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:bg-slate-200 disabled:text-slate-400">
            Send template
          </button>
        </>
      ) : null}
    </form>
  );
}
