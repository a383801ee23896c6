import { z } from "zod";
import { graphRequest, parseGraphAnswer } from "../meta/graph-client";
import type { AccountConfig, AccountSettings, ChannelCredentials, ConnectionProbe } from "../types";

const pick = (value?: string) => (value && value.trim() !== "" ? value.trim() : undefined);

// Instagram Login's /me: `user_id` is the professional account id webhooks and sends use (`id` is app-scoped).
const instagramLoginUserSchema = z.object({ id: z.string().optional(), user_id: z.coerce.string(), username: z.string().optional() });
const instagramAccountSchema = z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() });

export const instagramAccountSettings: AccountSettings = {
  // Instagram Login has no page; with Facebook Login the page id stands in when no account id was given.
  accountIdOf: (config) =>
    config.loginVariant === "instagram" ? pick(config.instagramAccountId) : (pick(config.instagramAccountId) ?? pick(config.pageId)),
  recipientIdsOf: (config) => [pick(config.instagramAccountId), pick(config.pageId)].filter((id): id is string => id !== undefined),
  configFromCredentials: (creds): AccountConfig => ({ pageId: creds.accountId }),
  probe: (creds) => (creds.loginVariant === "instagram" ? probeInstagramLogin(creds) : probeFacebookLogin(creds)),
};

async function probeFacebookLogin(creds: ChannelCredentials): Promise<ConnectionProbe> {
  const answer = await graphRequest(creds, { method: "GET", path: "/me", query: { fields: "id,name,username" } }, { channel: "instagram" });
  const account = parseGraphAnswer(instagramAccountSchema, answer, "instagram");
  const connectedAs = [account.username && `@${account.username}`, account.name && `(${account.name})`].filter(Boolean).join(" ");
  return { ok: true, connectedAs: connectedAs || account.id };
}

async function probeInstagramLogin(creds: ChannelCredentials): Promise<ConnectionProbe> {
  const answer = await graphRequest(creds, { method: "GET", path: "/me", query: { fields: "user_id,username" } }, { channel: "instagram" });
  const user = parseGraphAnswer(instagramLoginUserSchema, answer, "instagram");
  // Webhooks are routed by this id: a token for another account would take its messages elsewhere.
  if (user.user_id !== creds.accountId) {
    return {
      ok: false,
      error: `This token belongs to Instagram account ${user.user_id}${user.username ? ` (@${user.username})` : ""}, not ${creds.accountId}. Save the matching account id or token.`,
      reconnect: false,
    };
  }
  return { ok: true, connectedAs: user.username ? `@${user.username}` : user.user_id };
}
