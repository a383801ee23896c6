import type { OutboundMediaRules } from "../types";

const MB = 1024 * 1024;

/**
 * Send API attachments by URL: Meta takes files up to 25 MB. Messenger attachments carry no
 * caption: text goes as a message of its own.
 */
export const messengerOutboundMedia: OutboundMediaRules = {
  image: { mimeTypes: ["image/jpeg", "image/png", "image/gif"], maxBytes: 25 * MB, caption: false },
  video: { mimeTypes: ["video/mp4", "video/quicktime", "video/webm"], maxBytes: 25 * MB, caption: false },
  audio: { mimeTypes: ["audio/mpeg", "audio/aac", "audio/mp4", "audio/x-m4a", "audio/m4a", "audio/wav", "audio/x-wav"], maxBytes: 25 * MB, caption: false },
  file: { mimeTypes: ["application/pdf"], maxBytes: 25 * MB, caption: false },
};
