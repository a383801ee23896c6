import type { MessageJson } from "@/lib/inbox/api-types";
import { ellipsize } from "@/lib/text/truncate";

type Quoted = NonNullable<MessageJson["replyTo"]>;

const typeLabels: Record<string, string> = {
  IMAGE: "📷 Photo",
  VIDEO: "🎥 Video",
  AUDIO: "🎤 Voice message",
  FILE: "📎 File",
  STICKER: "Sticker",
  STORY_REPLY: "Story",
};

function quotedText(quoted: Quoted): string {
  if (quoted.text) return ellipsize(quoted.text, 90);
  return typeLabels[quoted.type] ?? "Message unsent";
}

/**
 * The message a reply quotes, above the reply's own text. Clicking it jumps to the original when
 * that one is loaded in the thread; otherwise it is a plain quote.
 */
export function QuotedReply({ quoted, outbound, onShow }: { quoted: Quoted | null; outbound: boolean; onShow?: () => void }) {
  const tone = outbound ? "border-white/70 bg-white/15 text-white/90" : "border-brand-500 bg-slate-100 text-slate-600";
  const className = `mb-1 block w-full rounded-md border-l-4 px-2 py-1 text-left text-xs whitespace-normal ${tone}`;
  // Quoting a message from before our history (or from another device's chat): say so, nothing to show.
  if (!quoted) {
    return <blockquote data-testid="quoted-reply" className={`${className} italic`}>Replying to an earlier message</blockquote>;
  }
  const body = (
    <>
      <span className="block font-medium">{quoted.direction === "OUTBOUND" ? "You" : "Customer"}</span>
      <span className="block">{quotedText(quoted)}</span>
    </>
  );
  if (!onShow) {
    return <blockquote data-testid="quoted-reply" className={className}>{body}</blockquote>;
  }
  return (
    <button type="button" data-testid="quoted-reply" onClick={onShow} aria-label={`Show the quoted message: ${quotedText(quoted)}`}
      className={`${className} cursor-pointer hover:opacity-90`}>
      {body}
    </button>
  );
}
