import type { OutboundMediaRules } from "../types";

const MB = 1024 * 1024;

/**
 * The Cloud API's supported media types and sizes. Images, videos and documents take a caption;
 * audio does not, so text beside a voice note goes as its own message. A caption is at most 1,024
 * characters (the Cloud API's media object); longer text goes after the file too.
 */
const CAPTION = 1024;
export const whatsappOutboundMedia: OutboundMediaRules = {
  image: { mimeTypes: ["image/jpeg", "image/png"], maxBytes: 5 * MB, caption: true, maxCaptionLength: CAPTION },
  video: { mimeTypes: ["video/mp4", "video/3gpp"], maxBytes: 16 * MB, caption: true, maxCaptionLength: CAPTION },
  audio: { mimeTypes: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], maxBytes: 16 * MB, caption: false },
  file: {
    mimeTypes: [
      "application/pdf",
      "text/plain",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    maxBytes: 100 * MB,
    caption: true,
    maxCaptionLength: CAPTION,
  },
};
