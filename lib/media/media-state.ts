import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What the inbox needs to know about a kept attachment: whether it is there yet, why not, and the
 * size of its image to reserve space for. `thumbnailKey` only tells the client that a thumbnail
 * exists; the bytes are reachable through the session-protected media route alone.
 */
export const mediaStateSelect = {
  attachmentIndex: true,
  status: true,
  contentType: true,
  size: true,
  width: true,
  height: true,
  thumbnailKey: true,
} as const satisfies Prisma.MediaFileSelect;

export type MediaState = Prisma.MediaFileGetPayload<{ select: typeof mediaStateSelect }>;
