import type { Metadata } from "next";
import { LeadsApp, type LeadsFallback } from "@/components/leads/leads-app";
import { listTeam } from "@/lib/inbox/list-team";
import { getBoard } from "@/lib/leads/get-board";
import { LEADS_PAGE_SIZE, leadsApiParams, parseLeadsUrl } from "@/lib/leads/leads-url";
import { listLeads } from "@/lib/leads/list-leads";
import { requirePageUser } from "@/lib/require-page-user";
import { leadFilterSchema, listLeadsQuerySchema } from "@/lib/validations/lead";

export const metadata: Metadata = { title: "Pipeline" };

/** The pipeline, rendered on the server from the URL (board or table, filters, sort); the client takes over with SWR. */
export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const state = parseLeadsUrl(await searchParams);
  const [first, team] = await Promise.all([
    state.view === "board"
      ? getBoard(leadFilterSchema.parse(leadsApiParams(state, { board: true })), user).then((board) => ({ board }))
      : listLeads(listLeadsQuerySchema.parse({ ...leadsApiParams(state), limit: LEADS_PAGE_SIZE }), user).then((page) => ({ page })),
    listTeam(),
  ]);
  // Dates become ISO strings exactly as the JSON API sends them, so the client cache holds one shape.
  const fallback = JSON.parse(JSON.stringify(first)) as LeadsFallback;
  return <LeadsApp state={state} team={team} fallback={fallback} />;
}
