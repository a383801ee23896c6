import { describe, expect, it } from "vitest";
import { instagramReaction, instagramText, whatsappStatus, whatsappText } from "../../../scripts/meta-sim/payloads";
import { describeDelivery } from "./describe-delivery";

describe("describeDelivery", () => {
  it("names the WhatsApp sender with their profile name, and the message type", () => {
    const body = JSON.stringify(whatsappText({ from: "351912345678", name: "Ana Costa", text: "Hi" }));
    expect(describeDelivery(body)).toEqual({ sender: "+351912345678 (Ana Costa)", type: "text" });
    expect(describeDelivery(JSON.stringify(whatsappStatus({ messageId: "wamid.X", status: "read", recipientId: "351912345678" })))).toEqual({
      sender: "+351912345678",
      type: "status: read",
    });
  });

  it("names the Instagram sender id and the event kind", () => {
    expect(describeDelivery(JSON.stringify(instagramText({ senderId: "6543210987654321", text: "Hi" })))).toEqual({ sender: "6543210987654321", type: "message" });
    expect(describeDelivery(JSON.stringify(instagramReaction({ senderId: "6543210987654321", mid: "m1" }))).type).toBe("reaction");
  });

  it("never throws on a body that isn't Meta's", () => {
    for (const raw of ["not json", "null", "[]", '{"entry":[{"messaging":[null]}]}', '{"entry":"x"}']) {
      expect(describeDelivery(raw)).toEqual({ sender: null, type: null });
    }
  });
});
