"use client";

import { channelLabel } from "@/lib/channels/catalog";
import { useId, useRef, useState } from "react";
import type { ConversationDetailJson, QuickReplyJson } from "@/lib/inbox/api-types";
import { useClientNow } from "@/components/ui/local-time";
import { duration } from "@/lib/inbox/format";
import { useQuickReplies } from "@/lib/swr/use-quick-replies";
import type { SendReplyInput } from "@/lib/validations/reply";
import { PaperclipIcon, SendIcon } from "./icons";
import { AttachmentChip, useReplyAttachment } from "./reply-attachment";
import { QuickRepliesDialog } from "./quick-replies-dialog";
import { TemplatePicker } from "./template-picker";
import { ellipsize } from "@/lib/text/truncate";
import { splitText } from "@/lib/text/split-text";
import { useDraft } from "./use-draft";
import { EmojiPicker } from "./emoji-picker";
import { handleSuggestionKeys } from "./suggestion-keys";
import { fillQuickReply } from "@/lib/inbox/quick-reply-variables";
import { useTypingReport } from "@/components/presence/use-typing-report";
import { useTeammateReplyGuard } from "@/components/presence/use-teammate-reply-guard";

type ReplyBody = Omit<SendReplyInput, "idempotencyKey">;

export function Composer({
  conversation,
  agentName,
  meId,
  onSend,
}: {
  conversation: ConversationDetailJson;
  /** For quick replies' {{agent_name}}. */
  agentName: string;
  /** To tell a teammate's reply from mine (collision detection). */
  meId: string;
  onSend: (body: ReplyBody, display?: { attachmentName: string }) => Promise<void>;
}) {
  // The countdown is the browser's: until hydration the composer's place is kept empty.
  const now = useClientNow();
  const closesAt = conversation.windowClosesAt ? new Date(conversation.windowClosesAt).getTime() : null;
  const channelName = channelLabel(conversation.channel);

  if (now === null) return <div className="h-[76px] shrink-0 border-t border-slate-200 bg-white" />;
  const open = closesAt !== null && closesAt > now;
  if (conversation.blocked) {
    return <ComposerNotice>This contact is blocked. Unblock them in the details panel to reply.</ComposerNotice>;
  }
  if (conversation.threadHeldSince) {
    return <ComposerNotice>Another app is handling this conversation. Take it over (above) to reply.</ComposerNotice>;
  }
  if (!open) {
    const why = closesAt
      ? `The reply window closed ${duration(now - closesAt)} ago: ${channelName} only allows free-text replies within 24 hours of the customer's last message.`
      : `${conversation.contact.displayName ?? "This customer"} hasn't written to you yet, so ${channelName} doesn't allow a free-text message.`;
    return (
      <div data-testid="window-closed" className="shrink-0 border-t border-slate-200 bg-white px-4 py-3 text-sm">
        <p className="text-slate-700">{why}</p>
        {conversation.templatesAvailable ? (
          <TemplatePicker conversationId={conversation.id} onSend={onSend} />
        ) : (
          <p className="mt-1 text-slate-500">You can reply as soon as they message you again.</p>
        )}
      </div>
    );
  }
  return (
    <TextComposer key={conversation.id} conversation={conversation} agentName={agentName} meId={meId} onSend={onSend}
      hint={`Reply window closes in ${duration(closesAt - now)}${conversation.humanAgent ? " (Human Agent tag)" : ""}`}
      urgent={closesAt - now < 2 * 60 * 60 * 1000} />
  );
}

function ComposerNotice({ children }: { children: React.ReactNode }) {
  return <div className="shrink-0 border-t border-slate-200 bg-white px-4 py-4 text-sm text-slate-600">{children}</div>;
}

function TextComposer({
  conversation,
  agentName,
  meId,
  onSend,
  hint,
  urgent,
}: {
  conversation: ConversationDetailJson;
  agentName: string;
  meId: string;
  onSend: (body: ReplyBody, display?: { attachmentName: string }) => Promise<void>;
  hint: string;
  urgent: boolean;
}) {
  const [text, setText] = useDraft(conversation.id);
  useTypingReport(conversation.id, text);
  const teammateReply = useTeammateReplyGuard(conversation.id, meId, text);
  const { picked, attach, clear } = useReplyAttachment(conversation);
  const fileInput = useRef<HTMLInputElement>(null);
  const [wantQuickReplies, setWantQuickReplies] = useState(false);
  const [managing, setManaging] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const counterId = useId();
  const listId = useId();
  const quickReplies = useQuickReplies(wantQuickReplies || managing);

  const slash = /^\/(\S*)$/.exec(text);
  const matches: QuickReplyJson[] = slash
    ? (quickReplies.data?.quickReplies ?? []).filter((reply) => reply.shortcut.startsWith(slash[1].toLowerCase())).slice(0, 8)
    : [];
  const showMenu = Boolean(slash) && wantQuickReplies;

  const max = conversation.maxTextLength;
  const length = text.trim().length;
  const tooLong = length > max;
  const attachmentReady = picked?.state === "ready" && picked.uploadId !== null;
  const uploadBlocks = picked?.state === "uploading" || picked?.state === "failed";
  const canSend = (length > 0 || attachmentReady) && !uploadBlocks && !tooLong;
  // Parts go out one after another, so they arrive in order; the attachment rides with the first.
  const sendParts = async (parts: string[]) => {
    setText("");
    const [first, ...rest] = parts;
    if (attachmentReady) {
      clear();
      await onSend({ ...(first ? { text: first } : {}), attachmentId: picked.uploadId! }, { attachmentName: picked.name });
    } else if (first) {
      await onSend({ text: first });
    }
    for (const part of rest) await onSend({ text: part });
  };
  const submit = () => {
    if (canSend) teammateReply.guard(() => void sendParts([text.trim()].filter(Boolean)));
  };
  const parts = tooLong ? splitText(text, max) : [];
  const insertAtCaret = (value: string) => {
    const field = textarea.current;
    const start = field?.selectionStart ?? text.length;
    const end = field?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + value + text.slice(end));
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(start + value.length, start + value.length);
    });
  };
  const insert = (reply: QuickReplyJson) => {
    setText(fillQuickReply(reply.body, { customerName: conversation.contact.displayName, agentName }));
    setHighlight(0);
    textarea.current?.focus();
  };

  return (
    <div className="relative shrink-0 border-t border-slate-200 bg-white px-3 pt-2 pb-2">
      {showMenu ? (
        <div id={listId} role="listbox" aria-label="Quick replies" className="absolute right-3 bottom-full left-3 mb-1 max-h-64 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
          {matches.length === 0 ? (
            <p className="px-3 py-2 text-sm text-slate-500">
              {quickReplies.isLoading ? "Loading quick replies…" : "No quick reply starts with that."}{" "}
              <button type="button" className="font-medium text-brand-700 underline" onClick={() => setManaging(true)}>Manage quick replies</button>
            </p>
          ) : (
            matches.map((reply, index) => (
              <button key={reply.id} type="button" role="option" aria-selected={index === highlight}
                onMouseDown={(event) => event.preventDefault()} onClick={() => insert(reply)}
                className={`block w-full px-3 py-2 text-left text-sm ${index === highlight ? "bg-brand-50" : "hover:bg-slate-50"}`}>
                <span className="font-medium text-slate-900">/{reply.shortcut}</span>
                <span className="ml-2 text-slate-500">{ellipsize(reply.body, 80)}</span>
              </button>
            ))
          )}
        </div>
      ) : null}
      {teammateReply.warning}
      {picked ? <AttachmentChip attachment={picked} onRemove={clear} /> : null}
      <div className="flex items-end gap-2">
        <input ref={fileInput} type="file" className="hidden" data-testid="attach-input" accept={conversation.attachmentTypes.join(",")}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void attach(file);
          }} />
        <button type="button" onClick={() => fileInput.current?.click()} aria-label="Attach a file" title="Attach a photo, video, audio or document"
          className="flex h-10 w-10 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-800">
          <PaperclipIcon className="h-5 w-5" />
        </button>
        <EmojiPicker onPick={insertAtCaret} />
        <label htmlFor="composer" className="sr-only">Reply</label>
        <textarea
          id="composer"
          ref={textarea}
          rows={1}
          value={text}
          aria-describedby={`${hintId} ${counterId}`}
          aria-invalid={tooLong || undefined}
          aria-controls={showMenu ? listId : undefined}
          placeholder={picked ? "Add a message…" : "Reply…  (/ for quick replies)"}
          onPaste={(event) => {
            const file = event.clipboardData.files[0];
            if (!file) return;
            event.preventDefault();
            void attach(file);
          }}
          onChange={(event) => {
            setText(event.target.value);
            if (event.target.value.startsWith("/")) setWantQuickReplies(true);
            setHighlight(0);
          }}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing) return;
            if (showMenu && handleSuggestionKeys(event, { items: matches, highlight, setHighlight, pick: insert, close: () => setWantQuickReplies(false) })) return;
            if (event.key === "Enter" && !event.shiftKey) {
              event.preventDefault();
              submit();
            }
          }}
          className="max-h-40 min-h-10 flex-1 resize-none rounded-lg border border-slate-300 px-3 py-2 text-sm [field-sizing:content] placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
        <button type="button" onClick={submit} disabled={!canSend} aria-label="Send reply"
          className="flex h-10 w-10 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-200 disabled:text-slate-400">
          <SendIcon className="h-4 w-4" />
        </button>
      </div>
      {tooLong ? (
        <p role="alert" data-testid="too-long" className="mt-1 flex flex-wrap items-center gap-x-2 px-1 text-xs text-red-700">
          {conversation.channelLabel} messages can be at most {max.toLocaleString("en")} characters; this one has {length.toLocaleString("en")}.
          <button type="button" onClick={() => teammateReply.guard(() => void sendParts(parts))} className="font-semibold underline hover:text-red-800">
            Send as {parts.length} messages
          </button>
        </p>
      ) : null}
      <div className="mt-1 flex items-center justify-between gap-2 px-1 text-xs">
        <span id={hintId} data-testid="window-hint" className={urgent ? "font-medium text-amber-700" : "text-slate-500"}>{hint}</span>
        <span id={counterId} data-testid="text-counter" className={`tabular-nums ${tooLong ? "font-semibold text-red-700" : "text-slate-500"} ${length > max * 0.8 ? "" : "sr-only"}`}>
          {length.toLocaleString("en")} / {max.toLocaleString("en")}
        </span>
        <span className="hidden text-slate-500 lg:inline">Enter to send · Shift+Enter for a new line</span>
        <button type="button" onClick={() => setManaging(true)} className="text-slate-500 hover:text-slate-800 hover:underline">Quick replies</button>
      </div>
      {managing ? <QuickRepliesDialog onClose={() => setManaging(false)} onInsert={(reply) => { setManaging(false); insert(reply); }} /> : null}
    </div>
  );
}
