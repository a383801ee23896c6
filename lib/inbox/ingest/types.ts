import type { ChannelAdapter, NormalizedEvent } from "@/lib/channels/types";
import type { InboxEvent } from "@/lib/realtime/types";

export type EventOf<K extends NormalizedEvent["kind"]> = Extract<NormalizedEvent, { kind: K }>;

/** What one normalized event did; `publish` goes on the event bus once the transaction committed. */
export interface IngestResult {
  outcome: "stored" | "duplicate" | "ignored";
  publish: InboxEvent[];
  /** A contact we know no name for yet: fetched from the Graph API after the commit. */
  fetchProfileFor?: { contactId: string; conversationId: string; participantId: string };
  /** Attachments were queued for download (PENDING MediaFile rows): wake the media worker after the commit. */
  mediaQueued?: boolean;
}

export type IngestHandler<K extends NormalizedEvent["kind"]> = (
  adapter: ChannelAdapter,
  event: EventOf<K>,
) => Promise<IngestResult>;

export const nothingChanged = (outcome: IngestResult["outcome"] = "ignored"): IngestResult => ({ outcome, publish: [] });
