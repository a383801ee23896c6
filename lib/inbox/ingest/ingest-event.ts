import type { ChannelAdapter, NormalizedEvent } from "@/lib/channels/types";
import { isBlocked } from "@/lib/inbox/blocklist";
import { ingestIdentityChange } from "@/lib/inbox/ingest/ingest-identity-change";
import { ingestMessage } from "@/lib/inbox/ingest/ingest-message";
import { ingestMessageDeleted, ingestMessageEdited } from "@/lib/inbox/ingest/ingest-message-change";
import { ingestReaction } from "@/lib/inbox/ingest/ingest-reaction";
import { ingestRead } from "@/lib/inbox/ingest/ingest-read";
import { ingestStatus } from "@/lib/inbox/ingest/ingest-status";
import { ingestThreadOwner } from "@/lib/handover/ingest-handover";
import { nothingChanged, type IngestResult } from "@/lib/inbox/ingest/types";

/**
 * Stores one normalized event idempotently: one small handler per kind, each its own transaction,
 * so replaying a delivery (or Meta redelivering it) changes nothing the second time.
 */
export async function ingestEvent(adapter: ChannelAdapter, event: NormalizedEvent): Promise<IngestResult> {
  // Blocklisted people stay out of the inbox entirely; the raw event is still in the log. Their
  // identity still follows a number change, so the block holds for the new number too.
  if (event.kind !== "identity_changed" && (await isBlocked(adapter.dbChannel, event.participant.id))) return nothingChanged();
  switch (event.kind) {
    case "message":
      return ingestMessage(adapter, event);
    case "message_deleted":
      return ingestMessageDeleted(adapter, event);
    case "message_edited":
      return ingestMessageEdited(adapter, event);
    case "read":
      return ingestRead(adapter, event);
    case "reaction":
      return ingestReaction(adapter, event);
    case "status":
      return ingestStatus(adapter, event);
    case "identity_changed":
      return ingestIdentityChange(adapter, event);
    case "thread_owner":
      return ingestThreadOwner(adapter, event);
  }
}
