import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/outbound-webhooks/event-types";

const url = z
  .string()
  .trim()
  .max(2000, "Keep the URL under 2000 characters")
  .pipe(z.url({ protocol: /^https?$/, message: "Enter an http:// or https:// URL" }));

const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { message: `Each event must be one of ${WEBHOOK_EVENT_TYPES.join(", ")}` }))
  .min(1, "Pick at least one event")
  .transform((list) => [...new Set(list)]);

/** POST /api/settings/webhooks, and the form on /settings/webhooks. */
export const createWebhookSchema = z.object({ url, events }).strict();
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

/** PATCH /api/settings/webhooks/{id} — `enabled: true` re-enables an endpoint that was disabled for failing. */
export const updateWebhookSchema = z
  .object({ url: url.optional(), events: events.optional(), enabled: z.boolean().optional() })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "Nothing to change", path: ["(body)"] });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;
