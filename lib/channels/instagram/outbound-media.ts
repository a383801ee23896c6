import type { OutboundMediaRules } from "../types";

const MB = 1024 * 1024;

/**
 * Meta's documented formats for Instagram message attachments (Upload Media for Instagram
 * Messaging). An attachment carries no caption on Instagram: text goes as a message of its own.
 */
export const instagramOutboundMedia: OutboundMediaRules = {
  image: { mimeTypes: ["image/jpeg", "image/png", "image/gif"], maxBytes: 8 * MB, caption: false },
  video: { mimeTypes: ["video/mp4", "video/ogg", "video/x-msvideo", "video/quicktime", "video/webm"], maxBytes: 25 * MB, caption: false },
  audio: { mimeTypes: ["audio/aac", "audio/mp4", "audio/x-m4a", "audio/m4a", "audio/wav", "audio/x-wav"], maxBytes: 25 * MB, caption: false },
  file: { mimeTypes: ["application/pdf"], maxBytes: 25 * MB, caption: false },
};
