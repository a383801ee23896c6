"use client";

import { useCallback, useEffect, useState } from "react";
import type { ConversationDetailJson } from "@/lib/inbox/api-types";
import { checkReplyAttachment, formatBytes } from "@/lib/media/reply-attachment-rules";
import { FetchError, requestJson } from "@/lib/swr/fetcher";
import { CloseIcon } from "./icons";

/** A file picked (or pasted) in the composer: uploaded at once, so Send only has to name it. */
export interface PickedAttachment {
  name: string;
  size: number;
  /** An object URL for images, for the preview; revoked when the attachment goes. */
  previewUrl: string | null;
  state: "uploading" | "ready" | "failed";
  uploadId: string | null;
  error: string | null;
}

interface UploadAnswer {
  attachment: { id: string };
}

/**
 * One attachment per reply: picking another file replaces it. A file the channel can't take is
 * refused here, with the channel's own limit, before a byte is uploaded (the server checks again).
 */
export function useReplyAttachment(conversation: Pick<ConversationDetailJson, "id" | "attachmentRules" | "attachmentMaxBytes" | "channelLabel">) {
  const { id: conversationId, attachmentRules, attachmentMaxBytes, channelLabel } = conversation;
  const [picked, setPicked] = useState<PickedAttachment | null>(null);

  const previewUrl = picked?.previewUrl;
  useEffect(() => () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  const attach = useCallback(
    async (file: File) => {
      const check = checkReplyAttachment(attachmentRules, { contentType: file.type, size: file.size }, channelLabel, attachmentMaxBytes);
      if (!check.ok) {
        setPicked({ name: file.name, size: file.size, previewUrl: null, uploadId: null, state: "failed", error: check.message });
        return;
      }
      const previewUrl = file.type.startsWith("image/") ? URL.createObjectURL(file) : null;
      const base = { name: file.name, size: file.size, previewUrl, uploadId: null, error: null };
      setPicked({ ...base, state: "uploading" });
      const form = new FormData();
      form.set("file", file);
      try {
        const answer = await requestJson<UploadAnswer>(`/api/inbox/conversations/${conversationId}/attachments`, { method: "POST", body: form });
        setPicked((current) => (current?.previewUrl === previewUrl ? { ...base, state: "ready", uploadId: answer.attachment.id } : current));
      } catch (error) {
        const message = error instanceof FetchError ? error.message : "The file could not be uploaded.";
        setPicked((current) => (current?.previewUrl === previewUrl ? { ...base, state: "failed", error: message } : current));
      }
    },
    [conversationId, attachmentRules, attachmentMaxBytes, channelLabel],
  );

  // Sent or removed: the effect above revokes the preview.
  const clear = useCallback(() => setPicked(null), []);

  return { picked, attach, clear };
}

export function AttachmentChip({ attachment, onRemove }: { attachment: PickedAttachment; onRemove: () => void }) {
  return (
    <div data-testid="composer-attachment" data-state={attachment.state}
      className={`mb-2 flex items-center gap-3 rounded-lg border px-2 py-1.5 text-sm ${attachment.state === "failed" ? "border-red-200 bg-red-50" : "border-slate-200 bg-slate-50"}`}>
      {attachment.previewUrl ? (
        // A local object URL of the picked file, shown before it is sent.
        <img src={attachment.previewUrl} alt="" className="h-10 w-10 shrink-0 rounded object-cover" />
      ) : (
        <span aria-hidden className="flex h-10 w-10 shrink-0 items-center justify-center rounded bg-white text-lg">📎</span>
      )}
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-slate-800">{attachment.name}</p>
        <p className={`text-xs ${attachment.state === "failed" ? "text-red-700" : "text-slate-500"}`} role={attachment.state === "failed" ? "alert" : undefined}>
          {attachment.state === "uploading" ? `Uploading… ${formatBytes(attachment.size)}` : attachment.state === "failed" ? attachment.error : formatBytes(attachment.size)}
        </p>
      </div>
      <button type="button" onClick={onRemove} aria-label={`Remove ${attachment.name}`} className="rounded p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800">
        <CloseIcon className="h-4 w-4" />
      </button>
    </div>
  );
}
