import { ApiError } from "@/lib/api/errors";
import type { ChannelAdapter, ChannelCredentials, MessageTemplate } from "@/lib/channels/types";
import { requireChannel } from "@/lib/inbox/require-channel";
import { db } from "@/lib/db";
import { upstreamError } from "@/lib/inbox/upstream-error";
import { loadChannelCredentials } from "@/lib/settings/channel-credentials";
import type { ReplyTemplateInput } from "@/lib/validations/reply";

/**
 * Approved message templates (WhatsApp), cached in memory for a few minutes: the composer asks
 * every time a cold conversation opens, and Meta rate-limits the Business Account endpoints.
 */

const CACHE_MS = 5 * 60_000;

interface CacheEntry {
  at: number;
  templates: Promise<MessageTemplate[]>;
}

const globalForCache = globalThis as unknown as { inboxTemplateCache?: Map<string, CacheEntry> };
const cache = (globalForCache.inboxTemplateCache ??= new Map());

export async function listTemplates(adapter: ChannelAdapter, creds: ChannelCredentials): Promise<MessageTemplate[]> {
  const templates = adapter.templates;
  if (!templates) return [];
  const key = `${adapter.key}:${creds.businessAccountId ?? creds.accountId}`;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.templates;
  const loading = templates.list(creds).then((list) => list.filter((template) => template.status === "APPROVED"));
  cache.set(key, { at: Date.now(), templates: loading });
  // A failed load is not cached: the next request asks Meta again.
  loading.catch(() => cache.delete(key));
  return loading;
}

/** The text the thread shows for a sent template: its body with the parameters filled in. */
export async function renderTemplatePreview(
  adapter: ChannelAdapter,
  creds: ChannelCredentials,
  input: ReplyTemplateInput,
): Promise<string> {
  if (!adapter.templates) {
    throw new ApiError({ code: "VALIDATION_FAILED", message: `${adapter.label} has no message templates` });
  }
  let template: MessageTemplate | undefined;
  try {
    template = (await listTemplates(adapter, creds)).find(
      (candidate) => candidate.name === input.name && candidate.language === input.language,
    );
  } catch {
    // The template list is only for the preview; the send itself tells us if the template is wrong.
  }
  if (!template) return `Template "${input.name}"`;
  if (input.parameters.length < template.parameterCount) {
    throw new ApiError({
      code: "VALIDATION_FAILED",
      message: `Template "${input.name}" needs ${template.parameterCount} parameter(s)`,
      details: [{ field: "template.parameters", issue: `expected ${template.parameterCount}` }],
    });
  }
  return template.body.replace(/\{\{(\d+)\}\}/g, (placeholder, index: string) => input.parameters[Number(index) - 1] ?? placeholder);
}

/** GET /api/inbox/conversations/[id]/templates: the templates for this conversation's channel. */
export async function listConversationTemplates(conversationId: string): Promise<MessageTemplate[]> {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { channel: true } });
  if (!conversation) throw new ApiError({ code: "NOT_FOUND", message: "Conversation not found" });
  const adapter = requireChannel(conversation.channel);
  if (!adapter.templates) return [];
  const creds = await loadChannelCredentials(adapter.key);
  if (!creds) {
    throw new ApiError({ code: "CHANNEL_NOT_CONFIGURED", message: `${adapter.label} is not connected. An admin can connect it in Settings.` });
  }
  try {
    return await listTemplates(adapter, creds);
  } catch (error) {
    throw upstreamError(error, `${adapter.label} templates could not be loaded. Try again in a moment.`);
  }
}
