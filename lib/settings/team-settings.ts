import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The team's one settings row (TeamSettings, id "team"): which conversations and leads agents see,
 * and the currency of new leads. Read on every inbox request and every ingest batch, so it is
 * cached; a change made here is seen at once by this instance and within CACHE_MS by others
 * sharing the database.
 */

export const AGENT_VISIBILITIES = ["ALL", "OWN_AND_UNASSIGNED"] as const;
export type AgentVisibility = (typeof AGENT_VISIBILITIES)[number];

export interface TeamSettingsValues {
  agentVisibility: AgentVisibility;
  defaultCurrency: string;
}

const TEAM_SETTINGS_ID = "team";
const CACHE_MS = 5_000;
const DEFAULTS: TeamSettingsValues = { agentVisibility: "ALL", defaultCurrency: "EUR" };

let cached: { values: TeamSettingsValues; readAt: number } | null = null;

/** Inside a transaction pass its `tx`: on SQLite a query on `db` would wait for that very transaction. */
export async function getTeamSettings(client: Prisma.TransactionClient = db): Promise<TeamSettingsValues> {
  if (cached && Date.now() - cached.readAt < CACHE_MS) return cached.values;
  const row = await client.teamSettings.findUnique({ where: { id: TEAM_SETTINGS_ID } });
  const values = row ? toValues(row) : DEFAULTS;
  cached = { values, readAt: Date.now() };
  return values;
}

export async function saveTeamSettings(changes: Partial<TeamSettingsValues>): Promise<TeamSettingsValues> {
  const row = await db.teamSettings.upsert({
    where: { id: TEAM_SETTINGS_ID },
    create: { id: TEAM_SETTINGS_ID, ...changes },
    update: changes,
  });
  const values = toValues(row);
  cached = { values, readAt: Date.now() };
  return values;
}

function toValues(row: { agentVisibility: string; defaultCurrency: string }): TeamSettingsValues {
  const agentVisibility = (AGENT_VISIBILITIES as readonly string[]).includes(row.agentVisibility)
    ? (row.agentVisibility as AgentVisibility)
    : DEFAULTS.agentVisibility;
  return { agentVisibility, defaultCurrency: row.defaultCurrency };
}
