import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { AGENT_VISIBILITIES, type AgentVisibility, type TeamSettingsValues } from "@/lib/settings/team-settings-values";

export type { AgentVisibility, TeamSettingsValues };

/**
 * The team's one settings row (TeamSettings, id "team"): which conversations and leads agents see,
 * and the currency of new leads. Read on every inbox request and every ingest batch, so it is
 * cached; a change made here is seen at once by this instance and within CACHE_MS by others
 * sharing the database.
 */

const TEAM_SETTINGS_ID = "team";
const CACHE_MS = 5_000;
const DEFAULTS: TeamSettingsValues = { agentVisibility: "ALL", defaultCurrency: "EUR" };

/**
 * On globalThis: the production build gives route bundles their own copies of this module, and a
 * change saved through the settings route must reach the inbox routes of the same process at once.
 */
const cache = globalThis as unknown as { teamSettingsCache?: { values: TeamSettingsValues; readAt: number } };

/** Inside a transaction pass its `tx`: on SQLite a query on `db` would wait for that very transaction. */
export async function getTeamSettings(client: Prisma.TransactionClient = db): Promise<TeamSettingsValues> {
  const cached = cache.teamSettingsCache;
  if (cached && Date.now() - cached.readAt < CACHE_MS) return cached.values;
  return readTeamSettings(client);
}

/** Straight from the database (the settings page and API show what is saved, whichever instance saved it). */
export async function readTeamSettings(client: Prisma.TransactionClient = db): Promise<TeamSettingsValues> {
  const values = await getTeamSettingsUncached(client);
  cache.teamSettingsCache = { values, readAt: Date.now() };
  return values;
}

/** An admin's change, audited with what changed (from → to) in the same transaction. */
export async function updateTeamSettings(changes: Partial<TeamSettingsValues>, actorId: string): Promise<TeamSettingsValues> {
  const values = await db.$transaction(async (tx) => {
    const before = await getTeamSettingsUncached(tx);
    const row = await tx.teamSettings.upsert({ where: { id: TEAM_SETTINGS_ID }, create: { id: TEAM_SETTINGS_ID, ...changes }, update: changes });
    const after = toValues(row);
    const changed = (Object.keys(changes) as (keyof TeamSettingsValues)[]).filter((field) => before[field] !== after[field]);
    if (changed.length > 0) {
      await writeAuditLog(
        { actorId, action: "user.team-settings", target: "team settings", details: Object.fromEntries(changed.map((field) => [field, { from: before[field], to: after[field] }])) },
        tx,
      );
    }
    return after;
  });
  cache.teamSettingsCache = { values, readAt: Date.now() };
  return values;
}

async function getTeamSettingsUncached(client: Prisma.TransactionClient): Promise<TeamSettingsValues> {
  const row = await client.teamSettings.findUnique({ where: { id: TEAM_SETTINGS_ID } });
  return row ? toValues(row) : DEFAULTS;
}

function toValues(row: { agentVisibility: string; defaultCurrency: string }): TeamSettingsValues {
  const agentVisibility = (AGENT_VISIBILITIES as readonly string[]).includes(row.agentVisibility)
    ? (row.agentVisibility as AgentVisibility)
    : DEFAULTS.agentVisibility;
  return { agentVisibility, defaultCurrency: row.defaultCurrency };
}
