import { describe, expect, it } from "vitest";
import type { ChannelCredentials } from "@/lib/channels/types";
import { signPayload } from "@/lib/channels/meta/verify-signature";
import { addressedIds, signingAccounts, unsignedRecipients, webhookRecipientIds } from "@/lib/inbox/webhooks/webhook-accounts";
import type { ChannelAccount } from "@/lib/settings/channel-credentials";

function account(key: ChannelAccount["key"], recipientIds: string[], appSecret = `${key}-secret`): ChannelAccount {
  return { key, recipientIds, creds: { appSecret } as ChannelCredentials };
}

const facebookLogin = account("instagram", ["17841400000000001", "106000000000001"]);
const instagramLogin = account("instagram-2", ["17841400000000002"]);
const accounts = [facebookLogin, instagramLogin];

describe("webhookRecipientIds", () => {
  it("reads entry ids, numeric or string, once each", () => {
    const body = { object: "instagram", entry: [{ id: "17841400000000002", messaging: [] }, { id: 17841400000000002 }, { id: "1" }] };
    expect(webhookRecipientIds(body)).toEqual({ ids: ["17841400000000002", "1"], unaddressed: false });
  });

  it("reads both sides of Instagram items: an item's recipient is the account ingest files it under", () => {
    const body = { entry: [{ id: "17841400000000002", messaging: [{ sender: { id: "customer" }, recipient: { id: "17841400000000001" } }] }] };
    expect(webhookRecipientIds(body).ids).toEqual(["17841400000000002", "customer", "17841400000000001"]);
  });

  it("an item naming no account addresses the channel's first one", () => {
    const whatsapp = { entry: [{ changes: [{ field: "messages", value: { messages: [{ id: "w" }] } }] }] };
    const instagram = { entry: [{ messaging: [{ sender: { id: "customer" } }] }] };
    for (const body of [whatsapp, instagram]) {
      const recipients = webhookRecipientIds(body);
      expect(recipients.unaddressed).toBe(true);
      expect(unsignedRecipients(accounts, [instagramLogin], addressedIds(accounts, recipients))).toEqual(facebookLogin.recipientIds);
      expect(unsignedRecipients(accounts, [facebookLogin], addressedIds(accounts, recipients))).toEqual([]);
    }
  });

  it("reads WhatsApp's phone number ids next to the business account id", () => {
    const body = { entry: [{ id: "waba", changes: [{ value: { metadata: { phone_number_id: "106540352242922" } } }] }] };
    expect(webhookRecipientIds(body)).toEqual({ ids: ["waba", "106540352242922"], unaddressed: false });
  });

  it("finds nothing in a body of another shape", () => {
    expect(webhookRecipientIds({ entry: "nope" })).toEqual({ ids: [], unaddressed: false });
    expect(webhookRecipientIds(null)).toEqual({ ids: [], unaddressed: false });
  });
});

describe("signingAccounts", () => {
  const raw = Buffer.from('{"object":"instagram"}');

  it("finds the account whose secret signed the bytes, trying every account", () => {
    expect(signingAccounts(accounts, raw, signPayload(raw, "instagram-2-secret"))).toEqual([instagramLogin]);
    expect(signingAccounts(accounts, raw, signPayload(raw, "someone-else"))).toEqual([]);
    expect(signingAccounts(accounts, raw, null)).toEqual([]);
  });

  it("finds every account of one Meta app (a shared secret)", () => {
    const second = account("instagram-3", ["3"], "instagram-secret");
    expect(signingAccounts([facebookLogin, second], raw, signPayload(raw, "instagram-secret"))).toEqual([facebookLogin, second]);
  });
});

describe("unsignedRecipients", () => {
  it("names an addressed account whose secret did not sign, however the rest is signed", () => {
    expect(unsignedRecipients(accounts, [instagramLogin], ["17841400000000002", "17841400000000001"])).toEqual(["17841400000000001"]);
    expect(unsignedRecipients(accounts, [instagramLogin], ["17841400000000002"])).toEqual([]);
  });

  it("leaves ids no account claims to the ingest", () => {
    expect(unsignedRecipients(accounts, [facebookLogin], ["999"])).toEqual([]);
  });
});
