import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAuditLog } from "@/lib/settings/audit-log";
import { slaHoursSchema, type SpeedToLeadSettingsInput } from "@/lib/validations/speed-to-lead";
import type { SlaHours } from "./sla-seconds";

/** The team's speed-to-lead settings (on TeamSettings, id "team"). */
export interface SlaSettings {
  targetMinutes: number;
  /** Null: the SLA clock runs round the clock. */
  hours: SlaHours | null;
  /** Past the target, reassign to the next active agent instead of only notifying. */
  reassign: boolean;
  /** New conversations with no assignee and no lead owner go round-robin to active agents. */
  autoAssign: boolean;
}

const TEAM_SETTINGS_ID = "team";
export const SLA_DEFAULTS: SlaSettings = { targetMinutes: 15, hours: null, reassign: false, autoAssign: false };

/**
 * Every staff reply and every breach check reads these, so they are kept for a few seconds; a
 * change saved here is seen at once by this instance and within CACHE_MS by others. On globalThis
 * because the production build gives route bundles their own copies of this module.
 */
const CACHE_MS = 5_000;
const cache = globalThis as unknown as { slaSettingsCache?: { values: SlaSettings; readAt: number } };

const select = { slaTargetMinutes: true, slaBusinessHours: true, slaReassign: true, autoAssign: true } as const;

function toSettings(row: { slaTargetMinutes: number; slaBusinessHours: unknown; slaReassign: boolean; autoAssign: boolean } | null): SlaSettings {
  if (!row) return SLA_DEFAULTS;
  // A stored value that no longer validates (e.g. a time zone the runtime dropped) means round the clock.
  const hours = slaHoursSchema.safeParse(row.slaBusinessHours);
  return { targetMinutes: row.slaTargetMinutes, hours: hours.success ? hours.data : null, reassign: row.slaReassign, autoAssign: row.autoAssign };
}

/** The settings, cached for a few seconds. Inside a transaction pass its `tx` (SQLite has one writer). */
export async function loadSlaSettings(client: Prisma.TransactionClient = db): Promise<SlaSettings> {
  const cached = cache.slaSettingsCache;
  if (cached && Date.now() - cached.readAt < CACHE_MS) return cached.values;
  return readSlaSettings(client);
}

/** Straight from the database: the settings page shows what is saved, whichever instance saved it. */
export async function readSlaSettings(client: Prisma.TransactionClient = db): Promise<SlaSettings> {
  const values = toSettings(await client.teamSettings.findUnique({ where: { id: TEAM_SETTINGS_ID }, select }));
  cache.slaSettingsCache = { values, readAt: Date.now() };
  return values;
}

/** An admin's change, audited (in the team settings' trail) with the new values in the same transaction. */
export async function saveSlaSettings(input: SpeedToLeadSettingsInput, actorId: string): Promise<SlaSettings> {
  const data = { ...input, slaBusinessHours: input.slaBusinessHours ?? Prisma.DbNull };
  const values = await db.$transaction(async (tx) => {
    const row = await tx.teamSettings.upsert({ where: { id: TEAM_SETTINGS_ID }, create: { id: TEAM_SETTINGS_ID, ...data }, update: data, select });
    await writeAuditLog(
      {
        actorId,
        action: "user.team-settings",
        target: "speed to lead",
        details: {
          slaTargetMinutes: input.slaTargetMinutes,
          businessHours: input.slaBusinessHours ? { timeZone: input.slaBusinessHours.timeZone, ranges: input.slaBusinessHours.schedule.length } : null,
          slaReassign: input.slaReassign,
          autoAssign: input.autoAssign,
        },
      },
      tx,
    );
    return toSettings(row);
  });
  cache.slaSettingsCache = { values, readAt: Date.now() };
  return values;
}
