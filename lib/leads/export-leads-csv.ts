import type { SessionUser } from "@/lib/auth";
import { csvRow, minorToDecimal } from "@/lib/leads/csv";
import { listLeadRows } from "@/lib/leads/list-leads";
import { toLead, type Lead } from "@/lib/leads/lead-select";
import type { LeadFilterQuery } from "@/lib/validations/lead";

/** Rows per database round trip: big enough to amortise the queries, small enough that memory stays flat. */
const EXPORT_PAGE_SIZE = 500;

const HEADER = [
  "id", "name", "status", "value", "currency", "owner", "last_contact_at", "last_contact_channel", "channels",
  "usernames", "phones", "source", "source_channel", "source_headline", "source_ad_id", "source_url", "created_at",
  "won_at", "lost_reason", "labels",
];

/**
 * The filtered leads as CSV, streamed: each pull reads one keyset page and writes it, so the
 * server holds one page at a time however many leads there are (100k leads stay well under 100 MB
 * of memory, see BENCHMARKS.md), and a client that stops reading stops the queries.
 */
export function exportLeadsCsv(filter: LeadFilterQuery, user: Pick<SessionUser, "id" | "role">): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          // A BOM so spreadsheet apps read the names' accents as UTF-8.
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(HEADER)}`));
        }
        const { rows, nextCursor } = await listLeadRows({ ...filter, cursor, limit: EXPORT_PAGE_SIZE }, user);
        controller.enqueue(encoder.encode(rows.map((row) => csvRow(leadCells(toLead(row)))).join("")));
        if (!nextCursor) controller.close();
        cursor = nextCursor ?? undefined;
      },
    },
    { highWaterMark: 1 },
  );
}

function leadCells(lead: Lead) {
  const list = (values: (string | undefined)[]) => [...new Set(values.filter(Boolean))].join(" ");
  return [
    lead.id,
    lead.name,
    lead.status,
    lead.value === null ? null : minorToDecimal(lead.value, lead.currency),
    lead.currency,
    lead.owner?.name,
    lead.lastContactAt?.toISOString(),
    lead.lastContactChannel,
    list(lead.contacts.map((contact) => contact.channel)),
    list(lead.contacts.map((contact) => contact.username)),
    list(lead.contacts.map((contact) => contact.phone)),
    lead.source?.kind,
    lead.source?.channel,
    lead.source?.headline,
    lead.source?.adId,
    lead.source?.url,
    lead.createdAt.toISOString(),
    lead.wonAt?.toISOString(),
    lead.lostReason,
    lead.labels.map((label) => label.name).join(", "),
  ];
}
