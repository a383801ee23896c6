import { channelMetaByDb } from "@/lib/channels/catalog";
import type { AttachmentJson, MessageJson } from "@/lib/inbox/api-types";
import { clockTime, dayLabel } from "@/lib/inbox/format";
import { LocalTime, useClientNow } from "@/components/ui/local-time";
import { ChoiceChip } from "./choice-chip";
import { AttachmentView, mediaFileOf } from "./attachment-view";
import { AlertIcon, CheckIcon, ClockIcon, DoubleCheckIcon } from "./icons";
import { MessageReactions } from "./message-reactions";
import { MessageText } from "./message-text";
import { QuotedReply } from "./quoted-reply";
import { StoryMention } from "./story-mention";

/** A message as the thread draws it: stored ones, plus the optimistic "sending" ones of this tab. */
export type BubbleMessage = Pick<
  MessageJson,
  "id" | "direction" | "type" | "text" | "attachments" | "status" | "error" | "sentAt" | "editedAt" | "sentBy" | "replyToExternalId" | "replyTo" | "reactions"
> & { channel: string; sending?: boolean };

/** The DOM id of a message's row, so a quoted reply can jump to it. */
export const messageElementId = (messageId: string) => `message-${messageId}`;

export function MessageBubble({
  message,
  onShowQuoted,
  onRetry,
}: {
  message: BubbleMessage;
  /** Jumps to the quoted message; absent when that message is not loaded in the thread. */
  onShowQuoted?: () => void;
  onRetry?: () => void;
}) {
  const outbound = message.direction === "OUTBOUND";
  const deleted = message.status === "DELETED";
  const attachments = (Array.isArray(message.attachments) ? message.attachments : []) as unknown as AttachmentJson[];
  // Indexes stay those of the stored list: the media route addresses attachments by position.
  const indexed = attachments.map((attachment, index) => ({ attachment, index }));
  const storyMention = indexed.find(({ attachment }) => attachment.kind === "story_mention");
  const isChoice = attachments.some((attachment) => attachment.kind === "interactive");
  const media = indexed.filter(({ attachment }) => attachment.kind !== "interactive" && attachment.kind !== "story_mention");
  const src = (index: number) => `/api/inbox/media/${message.id}/${index}`;
  return (
    <div id={messageElementId(message.id)} tabIndex={-1} data-testid="message" data-direction={message.direction.toLowerCase()} data-status={message.status.toLowerCase()}
      className={`flex flex-col rounded-md px-4 focus:bg-brand-50 focus:outline-none ${outbound ? "items-end" : "items-start"}`}>
      <div
        className={`max-w-[75%] rounded-2xl px-3 py-2 text-sm break-words whitespace-pre-wrap ${
          deleted
            ? "border border-dashed border-slate-300 bg-transparent text-slate-500 italic"
            : outbound
              ? message.status === "FAILED"
                ? "rounded-br-md border border-red-200 bg-red-50 text-slate-900"
                : "rounded-br-md bg-brand-600 text-white"
              : "rounded-bl-md border border-slate-200 bg-white text-slate-900"
        }`}
      >
        {deleted ? (
          "message unsent"
        ) : (
          <>
            {/* A tapped button always answers the message that offered it: quote that only when we have it. */}
            {message.replyToExternalId && (message.replyTo || !isChoice) ? (
              <QuotedReply quoted={message.replyTo} outbound={outbound} onShow={onShowQuoted} />
            ) : null}
            {storyMention ? <StoryMention src={src(storyMention.index)} outbound={outbound} /> : null}
            {message.type === "STORY_REPLY" && !storyMention ? <StoryLabel outbound={outbound} /> : null}
            {media.map(({ attachment, index }) => (
              <AttachmentView key={index} channel={message.channel} attachment={attachment} src={src(index)} disabled={message.sending} media={mediaFileOf(message, index)} showCaption={!message.text} />
            ))}
            {/* A mention carries no words of its own: its text is only the list preview's placeholder. */}
            {message.text && !storyMention ? isChoice ? <ChoiceChip title={message.text} outbound={outbound} /> : <MessageText text={message.text} channel={message.channel} outbound={outbound} /> : null}
          </>
        )}
      </div>
      {deleted ? null : <MessageReactions reactions={message.reactions} outbound={outbound} />}
      <MessageMeta message={message} onRetry={onRetry} />
    </div>
  );
}

function StoryLabel({ outbound }: { outbound: boolean }) {
  return <span className={`mb-1 block text-xs font-medium ${outbound ? "text-white/80" : "text-slate-500"}`}>Replied to your story</span>;
}


const statusLabel: Record<string, string> = {
  PENDING: "Sending",
  SENT: "Sent",
  DELIVERED: "Delivered",
  READ: "Read",
  FAILED: "Not delivered",
};

function MessageMeta({ message, onRetry }: { message: BubbleMessage; onRetry?: () => void }) {
  const outbound = message.direction === "OUTBOUND";
  const hydrated = useClientNow() !== null;
  // The away message: sent by the app itself, not by a person (optimistic bubbles never are).
  const automatic = "automatic" in message && message.automatic === true;
  const author = outbound ? (message.sentBy?.name ?? (message.sending ? "You" : channelMetaByDb(message.channel)?.nativeAppLabel ?? "Sent from another app")) : null;
  return (
    <div className="mt-1 flex max-w-[75%] flex-wrap items-center gap-1 px-1 text-xs text-slate-500">
      {automatic ? <span data-testid="automatic" className="rounded bg-slate-200 px-1 font-medium text-slate-700">Automatic · away message</span> : author ? <span>{author} ·</span> : null}
      <LocalTime iso={message.sentAt} format={clockTime} />
      {message.editedAt && message.status !== "DELETED" ? (
        <span data-testid="edited" title={hydrated ? `Edited: ${dayLabel(message.editedAt)}, ${clockTime(message.editedAt)}` : undefined}>· edited</span>
      ) : null}
      {outbound && message.status !== "DELETED" ? (
        <span data-testid="message-status" className={`inline-flex items-center gap-0.5 ${message.status === "READ" ? "text-brand-600" : message.status === "FAILED" ? "text-red-700" : ""}`}>
          <StatusIcon status={message.status} />
          {statusLabel[message.status]}
        </span>
      ) : null}
      {message.status === "FAILED" ? (
        <>
          {message.error ? <span className="text-red-700">— {message.error}</span> : null}
          {onRetry ? (
            <button type="button" onClick={onRetry} className="ml-1 rounded font-medium text-red-700 underline hover:text-red-800">
              Retry
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function StatusIcon({ status }: { status: string }) {
  const className = "h-3.5 w-3.5";
  if (status === "PENDING") return <ClockIcon className={className} />;
  if (status === "SENT") return <CheckIcon className={className} />;
  if (status === "DELIVERED" || status === "READ") return <DoubleCheckIcon className={className} />;
  if (status === "FAILED") return <AlertIcon className={className} />;
  return null;
}
