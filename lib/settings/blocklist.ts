import { channelMetaByDb } from "@/lib/channels/catalog";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { blockContact } from "@/lib/inbox/blocklist";
import type { BlockContactInput } from "@/lib/validations/settings";

/**
 * Settings → Blocklist → Add: turns what an admin types (an id, an @username, a phone number) into
 * the channel's participant id, then applies the shared blocklist rules.
 */

export interface ResolvedTarget {
  externalId: string;
  name: string | null;
}

const PHONE = /^\+?[\d\s().-]{6,}$/;

export async function resolveBlockTarget(input: Pick<BlockContactInput, "channel" | "identifier">): Promise<ResolvedTarget> {
  const identifier = input.identifier.trim();
  if (identifier.startsWith("@")) {
    if (input.channel !== "INSTAGRAM") {
      throw new ApiError({ code: "VALIDATION_FAILED", message: "@usernames are Instagram's; for WhatsApp enter the phone number" });
    }
    const username = identifier.slice(1).toLowerCase();
    const contact = await db.contact.findFirst({
      where: { channel: "INSTAGRAM", instagramUsername: username },
      select: { externalId: true, displayName: true, instagramUsername: true },
    });
    if (!contact) {
      throw new ApiError({
        code: "NOT_FOUND",
        message: `No Instagram contact @${username} has messaged you yet. Enter their Instagram-scoped id instead.`,
      });
    }
    return { externalId: contact.externalId, name: contact.displayName ?? `@${contact.instagramUsername}` };
  }
  if (input.channel === "WHATSAPP") {
    if (!PHONE.test(identifier)) {
      throw new ApiError({ code: "VALIDATION_FAILED", message: "Enter the WhatsApp number with its country code, e.g. +49 151 2345678" });
    }
    // WhatsApp's wa_id is the number in international digits, so a number blocks even before it writes.
    const digits = identifier.replace(/\D/g, "");
    const contact = await db.contact.findFirst({
      where: { channel: "WHATSAPP", OR: [{ externalId: digits }, { whatsappId: digits }] },
      select: { externalId: true, displayName: true },
    });
    return { externalId: contact?.externalId ?? digits, name: contact?.displayName ?? null };
  }
  if (!/^\d{1,30}$/.test(identifier)) {
    throw new ApiError({ code: "VALIDATION_FAILED", message: `Enter ${channelMetaByDb(input.channel)?.identifierHint ?? "the customer's id"}` });
  }
  // Instagram-scoped or Page-scoped id: the contact's own id on its channel.
  const contact = await db.contact.findUnique({
    where: { channel_externalId: { channel: input.channel, externalId: identifier } },
    select: { displayName: true, instagramUsername: true },
  });
  return {
    externalId: identifier,
    name: contact?.displayName ?? (contact?.instagramUsername ? `@${contact.instagramUsername}` : null),
  };
}

export async function addToBlocklist(input: BlockContactInput, actorId: string) {
  const target = await resolveBlockTarget(input);
  return blockContact({ channel: input.channel, externalId: target.externalId, name: target.name, reason: input.reason, actorId });
}
