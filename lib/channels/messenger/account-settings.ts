import { z } from "zod";
import { graphRequest, parseGraphAnswer } from "../meta/graph-client";
import type { AccountSettings } from "../types";

const pick = (value?: string) => (value && value.trim() !== "" ? value.trim() : undefined);

const pageSchema = z.object({ id: z.coerce.string(), name: z.string().optional() });

/** A Messenger account is a Facebook Page: its id names it in webhooks (`entry[].id`) and sends. */
export const messengerAccountSettings: AccountSettings = {
  accountIdOf: (config) => pick(config.pageId),
  recipientIdsOf: (config) => [pick(config.pageId)].filter((id): id is string => id !== undefined),
  configFromCredentials: (creds) => ({ pageId: creds.accountId }),
  async probe(creds) {
    // With a Page access token, /me is the Page itself; a user or another Page's token answers another id.
    const answer = await graphRequest(creds, { method: "GET", path: "/me", query: { fields: "id,name" } }, { channel: "messenger" });
    const page = parseGraphAnswer(pageSchema, answer, "messenger");
    if (page.id !== creds.accountId) {
      return {
        ok: false,
        error: `This token belongs to ${page.name ? `"${page.name}" (${page.id})` : page.id}, not Page ${creds.accountId}. Use the Page's own access token.`,
        reconnect: false,
      };
    }
    return { ok: true, connectedAs: page.name ? `${page.name} (Page ${page.id})` : `Page ${page.id}` };
  },
};
