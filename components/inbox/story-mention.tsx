"use client";

import { useState } from "react";

/**
 * The customer mentioned the business in their story. Meta's story link does not say whether the
 * story is a photo or a video, so the preview tries a picture and falls back to a video player.
 */
export function StoryMention({ src, outbound }: { src: string; outbound: boolean }) {
  const [shownAs, setShownAs] = useState<"image" | "video" | "unavailable">("image");
  return (
    <span className="mb-1 block" data-testid="story-mention">
      <span className={`mb-1 block text-xs font-medium ${outbound ? "text-white/80" : "text-slate-500"}`}>Mentioned you in their story</span>
      {shownAs === "image" ? (
        <a href={src} target="_blank" rel="noreferrer" className="block">
          <img src={src} alt="The customer's story" loading="lazy" onError={() => setShownAs("video")} className="max-h-72 max-w-full rounded-lg object-cover" />
        </a>
      ) : shownAs === "video" ? (
        <video src={src} controls preload="metadata" aria-label="The customer's story" onError={() => setShownAs("unavailable")} className="max-h-72 max-w-full rounded-lg" />
      ) : (
        // Stories expire after a day, and Meta's link with them.
        <span className="block text-xs italic opacity-80">The story is no longer available</span>
      )}
    </span>
  );
}
