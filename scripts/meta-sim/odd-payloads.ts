// Deliveries that deviate from Meta's reference pages the way real ones do (issue 22): one customer's
// batch with a valid message beside an item without `mid` / `type`, `null` and "" for optional fields,
// a type this inbox doesn't show, and an item with no sender at all. The app must store the valid
// items, keep the odd ones (an UNSUPPORTED message, or an error on the event) and answer 200.
import { newInstagramMid, newWamid } from "./ids";
import { DEMO_INSTAGRAM_ACCOUNT_ID, type InstagramDelivery } from "./instagram-payloads";
import { DEMO_DISPLAY_PHONE_NUMBER, DEMO_PHONE_NUMBER_ID, DEMO_WABA_ID, type WhatsAppDelivery } from "./whatsapp-payloads";

interface OddOptions {
  timestamp: number;
  text: string;
}

/** Instagram: an item without `mid`, a valid text, an un-reaction with `"emoji": null`, an item without sender; no entry id. */
export function instagramOddBatch(options: OddOptions & { senderId: string; accountId?: string }): InstagramDelivery {
  const accountId = options.accountId ?? DEMO_INSTAGRAM_ACCOUNT_ID;
  const item = (extra: Record<string, unknown>, offset: number) => ({ sender: { id: options.senderId }, recipient: { id: accountId }, timestamp: options.timestamp + offset, ...extra });
  const target = newInstagramMid(accountId);
  const odd = {
    object: "instagram",
    entry: [
      {
        time: options.timestamp + 5000,
        messaging: [
          item({ message: { text: "this one has no mid" } }, 0),
          item({ message: { mid: target, text: options.text, reply_to: null, quick_reply: "" } }, 1000),
          item({ reaction: { mid: target, action: "unreact", emoji: null, reaction: null } }, 2000),
          { recipient: { id: accountId }, timestamp: options.timestamp + 3000, message: { mid: newInstagramMid(accountId), text: "from nobody" } },
        ],
      },
    ],
  };
  // Deliberately off Meta's reference shape: that is the point.
  return odd as unknown as InstagramDelivery;
}

/** WhatsApp: a valid text, a location without `type` and `"name": null`, an `order`, a message without sender, a numeric status timestamp. */
export function whatsappOddBatch(options: OddOptions & { from: string; name: string; phoneNumberId?: string }): WhatsAppDelivery {
  const seconds = Math.floor(options.timestamp / 1000);
  const odd = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: DEMO_WABA_ID,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: DEMO_DISPLAY_PHONE_NUMBER, phone_number_id: options.phoneNumberId ?? DEMO_PHONE_NUMBER_ID },
              contacts: [{ profile: { name: options.name, username: "" }, wa_id: options.from }],
              messages: [
                { from: options.from, id: newWamid(options.from), timestamp: String(seconds), type: "text", text: { body: options.text }, context: null },
                { from: options.from, id: newWamid(options.from), timestamp: seconds + 1, location: { latitude: 41.15, longitude: -8.61, name: null, address: "" } },
                { from: options.from, id: newWamid(options.from), timestamp: String(seconds + 2), type: "order", order: { catalog_id: "1", product_items: [] } },
                { id: newWamid(), timestamp: String(seconds + 3), type: "text", text: { body: "from nobody" } },
              ],
              statuses: [{ id: newWamid(), status: "delivered", timestamp: seconds + 4, recipient_id: options.from }],
            },
          },
        ],
      },
    ],
  };
  return odd as unknown as WhatsAppDelivery;
}
