/** The JSON of GET /api/reports/summary, shared by the route, the page and its tests (zod-free, browser-safe). */

export const REPORT_CHANNELS = ["instagram", "whatsapp", "messenger"] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export interface MoneyTotal {
  currency: string;
  /** Minor units (cents). */
  value: number;
}

export interface ReportsSummary {
  /** Conversations started in the range (first customer message) that have had a first reply. */
  firstResponse: { medianSeconds: number | null; p90Seconds: number | null; count: number };
  /** Share of those started in the range whose first reply came within the target; unanswered ones past it count as misses. Null with none. */
  sla: { targetSeconds: number; hitRate: number | null };
  /** Conversations started per UTC day and channel, days without any left out, oldest first. */
  conversationsByDay: { day: string; channel: ReportChannel; count: number }[];
  /** Leads created in the range, by the stage they are in now (every stage, pipeline order), with value totals per currency. */
  leadsByStatus: { status: string; count: number; totals: MoneyTotal[] }[];
  /** Value of leads won in the range (won now, `wonAt` in range), per currency. */
  wonValue: MoneyTotal[];
  /** One row per person (an agent gets only their own). */
  byAgent: {
    userId: string;
    name: string;
    /** Conversations they sent a reply in during the range. */
    conversationsHandled: number;
    /** Median first response of the conversations started in the range that they answered first. */
    medianFirstResponseSeconds: number | null;
    repliesSent: number;
    leadsWon: number;
  }[];
}
