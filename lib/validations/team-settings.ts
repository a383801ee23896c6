import { z } from "zod";
import { AGENT_VISIBILITIES } from "@/lib/settings/team-settings-values";

/** ISO 4217 codes this runtime knows (Intl), so a typo like "EUO" is refused rather than stored. */
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => CURRENCIES.has(code), "Use an ISO 4217 currency code, e.g. EUR, USD or BRL");

/** PATCH /api/settings/team-settings: either or both. */
export const updateTeamSettingsSchema = z
  .strictObject({
    agentVisibility: z.enum(AGENT_VISIBILITIES, { error: `Use one of ${AGENT_VISIBILITIES.join(", ")}` }).optional(),
    defaultCurrency: currencySchema.optional(),
  })
  .refine((input) => input.agentVisibility !== undefined || input.defaultCurrency !== undefined, "Send agentVisibility, defaultCurrency or both");

export type UpdateTeamSettingsInput = z.infer<typeof updateTeamSettingsSchema>;
