import { z } from "zod";
import { graphRequest, parseGraphAnswer } from "../meta/graph-client";
import type { AccountSettings } from "../types";

const pick = (value?: string) => (value && value.trim() !== "" ? value.trim() : undefined);

const whatsappNumberSchema = z.object({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
});

export const whatsappAccountSettings: AccountSettings = {
  accountIdOf: (config) => pick(config.phoneNumberId),
  // The entry is the business account; each change names the phone number.
  recipientIdsOf: (config) => [pick(config.phoneNumberId), pick(config.businessAccountId)].filter((id): id is string => id !== undefined),
  configFromCredentials: (creds) => ({ phoneNumberId: creds.accountId, businessAccountId: creds.businessAccountId ?? "" }),
  async probe(creds) {
    const answer = await graphRequest(
      creds,
      { method: "GET", path: `/${encodeURIComponent(creds.accountId)}`, query: { fields: "id,display_phone_number,verified_name" } },
      { channel: "whatsapp" },
    );
    const phone = parseGraphAnswer(whatsappNumberSchema, answer, "whatsapp");
    return { ok: true, connectedAs: `${phone.verified_name ?? "WhatsApp number"} (${phone.display_phone_number ?? phone.id})` };
  },
};
