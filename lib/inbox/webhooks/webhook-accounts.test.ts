import { describe, expect, it } from "vitest";
import type { ChannelCredentials } from "@/lib/channels/types";
import { accountsToVerifyWith, webhookRecipientIds } from "@/lib/inbox/webhooks/webhook-accounts";
import type { ChannelAccount } from "@/lib/settings/channel-credentials";

function account(key: ChannelAccount["key"], recipientIds: string[]): ChannelAccount {
  return { key, recipientIds, creds: { appSecret: `${key}-secret` } as ChannelCredentials };
}

const facebookLogin = account("instagram", ["17841400000000001", "106000000000001"]);
const instagramLogin = account("instagram-2", ["17841400000000002"]);

describe("webhookRecipientIds", () => {
  it("reads entry ids, numeric or string, once each", () => {
    const body = { object: "instagram", entry: [{ id: "17841400000000002", messaging: [] }, { id: 17841400000000002 }, { id: "1" }] };
    expect(webhookRecipientIds(JSON.stringify(body))).toEqual(["17841400000000002", "1"]);
  });

  it("reads WhatsApp's phone number ids next to the business account id", () => {
    const body = { entry: [{ id: "waba", changes: [{ value: { metadata: { phone_number_id: "106540352242922" } } }] }] };
    expect(webhookRecipientIds(JSON.stringify(body))).toEqual(["waba", "106540352242922"]);
  });

  it("finds nothing in a body it cannot read", () => {
    expect(webhookRecipientIds("{not json")).toEqual([]);
    expect(webhookRecipientIds(JSON.stringify({ entry: "nope" }))).toEqual([]);
    expect(webhookRecipientIds(JSON.stringify(null))).toEqual([]);
  });
});

describe("accountsToVerifyWith", () => {
  const accounts = [facebookLogin, instagramLogin];

  it("checks only the addressed account's secret", () => {
    expect(accountsToVerifyWith(accounts, ["17841400000000002"])).toEqual([instagramLogin]);
    expect(accountsToVerifyWith(accounts, ["106000000000001"])).toEqual([facebookLogin]);
  });

  it("checks every account's secret when the delivery names no known account", () => {
    expect(accountsToVerifyWith(accounts, ["999"])).toEqual(accounts);
    expect(accountsToVerifyWith(accounts, [])).toEqual(accounts);
  });
});
