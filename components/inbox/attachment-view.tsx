"use client";

import { channelLabel } from "@/lib/channels/catalog";
import { useState } from "react";
import { UnsupportedContent } from "@/components/inbox/unsupported-content";
import type { AttachmentJson, MessageJson } from "@/lib/inbox/api-types";

/** A kept attachment's state as the thread receives it (lib/media/media-state.ts). */
export type MediaStateJson = MessageJson["mediaFiles"][number];

/** The media state of a message's attachment, when the message carries any (optimistic replies don't). */
export function mediaFileOf(message: object, index: number): MediaStateJson | undefined {
  if (!("mediaFiles" in message) || !Array.isArray(message.mediaFiles)) return undefined;
  return (message.mediaFiles as MediaStateJson[]).find((file) => file.attachmentIndex === index);
}

// Room the thread gives an image: its thumbnail's aspect ratio inside this box, so nothing shifts on load.
const MAX_WIDTH = 320;
const MAX_HEIGHT = 288;

function displaySize(width: number, height: number) {
  const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

export function AttachmentView({
  channel,
  attachment,
  src,
  disabled,
  media,
  showCaption = true,
}: {
  /** The message's channel: its app still holds the original. */
  channel: string;
  attachment: AttachmentJson;
  src: string;
  disabled?: boolean;
  /** False when the message's text already says it: WhatsApp puts a media caption in both places. */
  showCaption?: boolean;
  /** Absent for attachments we don't keep (shares, locations) and for messages from before media was kept. */
  media?: MediaStateJson;
}) {
  const caption = showCaption && attachment.caption ? <span className="mt-1 block">{attachment.caption}</span> : null;
  if (disabled) return null;
  if (media?.status === "FAILED") {
    return (
      <MediaNotice testId="media-failed">
        Media never arrived — open {channelLabel(channel)} to see it.
        {caption}
      </MediaNotice>
    );
  }
  if (media?.status === "TOO_LARGE") {
    const size = media.size ? ` (${Math.ceil(media.size / 1_048_576)} MB)` : "";
    return (
      <MediaNotice testId="media-too-large">
        File too large to keep{size} — open {channelLabel(channel)} to see it.
        {caption}
      </MediaNotice>
    );
  }
  switch (attachment.kind) {
    case "image":
    case "sticker":
      return (
        <span className="mb-1 block">
          <ImagePreview attachment={attachment} src={src} media={media} />
          {caption}
        </span>
      );
    case "video":
      return (
        <span className="mb-1 block">
          <video src={src} controls preload="metadata" className="max-h-72 max-w-full rounded-lg" />
          {caption}
        </span>
      );
    case "audio":
      return <audio src={src} controls preload="none" className="mb-1 max-w-full" />;
    case "story_mention":
      return (
        <span className="mb-1 block">
          <span className="block text-xs font-medium opacity-80">Mentioned you in their story</span>
          <a href={src} target="_blank" rel="noreferrer" className="underline">View story</a>
        </span>
      );
    case "story":
      return media?.thumbnailKey ? (
        <span className="mb-1 block"><ImagePreview attachment={attachment} src={src} media={media} /></span>
      ) : (
        <a href={src} target="_blank" rel="noreferrer" className="mb-1 block text-xs underline opacity-80">View the story</a>
      );
    case "location": {
      const meta = attachment.meta ?? {};
      const label = [meta.name, meta.address].filter(Boolean).join(" · ") || "Shared a location";
      const maps = `https://www.openstreetmap.org/?mlat=${meta.latitude}&mlon=${meta.longitude}&zoom=16`;
      return <a href={maps} target="_blank" rel="noreferrer" className="mb-1 block underline">📍 {String(label)}</a>;
    }
    case "contacts":
      return <span className="mb-1 block">👤 Shared a contact{attachment.caption ? `: ${attachment.caption}` : ""}</span>;
    case "unsupported":
      return <UnsupportedContent attachment={attachment} />;
    case "share":
      return attachment.url ? (
        <a href={attachment.url} target="_blank" rel="noreferrer" className="mb-1 block underline">Shared a post</a>
      ) : null;
    default:
      return (
        <a href={src} target="_blank" rel="noreferrer" className="mb-1 block underline">
          📎 {attachment.filename ?? "Attachment"}
          {media?.status === "PENDING" ? <span className="ml-1 text-xs opacity-70">(saving…)</span> : null}
        </a>
      );
  }
}

/**
 * Kept images show their thumbnail at its final size and open the full file; an image still being
 * saved shows Meta's copy over a placeholder (or just the placeholder when Meta's link fails).
 */
function ImagePreview({ attachment, src, media }: { attachment: AttachmentJson; src: string; media?: MediaStateJson }) {
  const [broken, setBroken] = useState(false);
  const alt = attachment.caption ?? (attachment.kind === "sticker" ? "Sticker" : "Image");
  if (media?.status === "STORED" && !media.thumbnailKey) {
    // Kept, but not an image we could read: offer the file rather than a broken picture.
    return <a href={src} target="_blank" rel="noreferrer" className="underline">📎 {alt} (no preview)</a>;
  }
  if (media?.status === "STORED" && media.width && media.height) {
    const size = displaySize(media.width, media.height);
    return (
      <a href={src} target="_blank" rel="noreferrer" className="block" style={{ width: size.width, maxWidth: "100%" }}>
        {/* Through our authenticated media route: customer media never gets a public URL. */}
        <img src={`${src}?variant=thumb`} alt={alt} width={size.width} height={size.height} loading="lazy" data-testid="media-thumbnail"
          className="h-auto w-full rounded-lg bg-slate-100 object-cover" />
      </a>
    );
  }
  if (broken) {
    return (
      <span data-testid="media-pending" className="flex h-24 w-32 items-center justify-center rounded-lg bg-slate-100 text-xs text-slate-500">
        Saving image…
      </span>
    );
  }
  return (
    <a href={src} target="_blank" rel="noreferrer" className="block">
      <img src={src} alt={alt} loading="lazy" onError={() => setBroken(true)}
        className={`min-h-16 min-w-16 rounded-lg bg-slate-100 ${media?.status === "PENDING" ? "animate-pulse" : ""} ${attachment.kind === "sticker" ? "h-32 w-32 object-contain" : "max-h-72 max-w-full object-cover"}`} />
    </a>
  );
}

function MediaNotice({ children, testId }: { children: React.ReactNode; testId: string }) {
  return (
    <span data-testid={testId} className="mb-1 block rounded-lg border border-dashed border-current/30 px-3 py-2 text-xs opacity-80">
      {children}
    </span>
  );
}
