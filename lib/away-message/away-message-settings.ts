import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth";
import { weeklyScheduleSchema, type WeeklySchedule } from "@/lib/business-hours/weekly-schedule";
import { channels, isChannelKey } from "@/lib/channels/registry";
import type { ChannelAdapter, ChannelKey } from "@/lib/channels/types";
import { db } from "@/lib/db";
import { writeAuditLog } from "@/lib/settings/audit-log";
import type { AwayMessageInput } from "@/lib/validations/away-message";

export interface AwayMessageSettings {
  channel: ChannelKey;
  channelLabel: string;
  enabled: boolean;
  text: string;
  timeZone: string;
  schedule: WeeklySchedule;
}

/** Until an admin saves one: off, Monday to Friday 9:00–18:00 UTC. */
const DEFAULTS = {
  enabled: false,
  text: "Thanks for your message! We're away right now and will answer as soon as we're back.",
  timeZone: "UTC",
  schedule: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "18:00" })),
};

const select = { channel: true, enabled: true, text: true, timeZone: true, schedule: true } as const;

function toSettings(adapter: ChannelAdapter, row: { enabled: boolean; text: string; timeZone: string; schedule: unknown } | null): AwayMessageSettings {
  const stored = row ? { enabled: row.enabled, text: row.text, timeZone: row.timeZone, schedule: weeklyScheduleSchema.parse(row.schedule) } : DEFAULTS;
  return { channel: adapter.key, channelLabel: adapter.label, ...stored };
}

/** One entry per channel the app speaks, saved or default. */
export async function listAwayMessages(): Promise<AwayMessageSettings[]> {
  const rows = await db.awayMessage.findMany({ select });
  return Object.values(channels).map((adapter) => toSettings(adapter, rows.find((row) => row.channel === adapter.dbChannel) ?? null));
}

/**
 * Every inbound message asks this, so the answer is kept for a few seconds rather than costing a
 * query per message in a burst (ingest's CPU is the webhooks' capacity, BENCHMARKS.md). A change
 * saved on another instance applies there within that time; on this one, at once.
 */
const CACHE_MS = 5_000;
const cache = new Map<ChannelKey, { at: number; value: AwayMessageSettings | null }>();

/** The channel's saved away message, or null while none is enabled. */
export async function enabledAwayMessage(adapter: ChannelAdapter, now = Date.now()): Promise<AwayMessageSettings | null> {
  const cached = cache.get(adapter.key);
  if (cached && now - cached.at < CACHE_MS) return cached.value;
  const row = await db.awayMessage.findUnique({ where: { channel: adapter.dbChannel }, select });
  const value = row?.enabled ? toSettings(adapter, row) : null;
  cache.set(adapter.key, { at: now, value });
  return value;
}

export async function saveAwayMessage(channel: string, input: AwayMessageInput, user: Pick<SessionUser, "id">) {
  if (!isChannelKey(channel)) throw new ApiError({ code: "NOT_FOUND", message: `No channel called ${channel}` });
  const adapter = channels[channel];
  const row = await db.awayMessage.upsert({
    where: { channel: adapter.dbChannel },
    create: { channel: adapter.dbChannel, ...input },
    update: input,
    select,
  });
  cache.delete(adapter.key);
  await writeAuditLog({
    actorId: user.id,
    action: "away-message.update",
    target: adapter.label,
    details: { enabled: input.enabled, timeZone: input.timeZone, ranges: input.schedule.length },
  });
  return toSettings(adapter, row);
}
