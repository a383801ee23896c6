import { z } from "zod";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "../meta/graph-client";
import { requireSetting } from "../meta/require-setting";
import type { ChannelCredentials, MessageTemplate } from "../types";

const templatesSchema = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string(),
      components: z.array(z.object({ type: z.string(), text: z.string().optional() })).optional(),
    }),
  ),
});

/** Distinct {{1}}-style (or named {{first_name}}) placeholders: what the agent must fill in. */
export function countParameters(body: string): number {
  return new Set([...body.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1])).size;
}

/** Approved templates of the WhatsApp Business Account; pending or rejected ones cannot be sent. */
export async function listWhatsAppTemplates(creds: ChannelCredentials, options?: GraphClientOptions): Promise<MessageTemplate[]> {
  const wabaId = requireSetting(creds.businessAccountId, "whatsapp", "Business Account id");
  const answer = await graphRequest(
    creds,
    {
      method: "GET",
      path: `/${encodeURIComponent(wabaId)}/message_templates`,
      query: { fields: "name,language,status,category,components", limit: 100 },
    },
    { channel: "whatsapp", ...options },
  );
  return parseGraphAnswer(templatesSchema, answer, "whatsapp")
    .data.filter((template) => template.status === "APPROVED")
    .map((template) => {
      const body = template.components?.find((component) => component.type === "BODY")?.text ?? "";
      return {
        name: template.name,
        language: template.language,
        category: template.category,
        status: template.status,
        body,
        parameterCount: countParameters(body),
      };
    });
}
