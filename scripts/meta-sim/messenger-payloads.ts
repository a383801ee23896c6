// Messenger Platform webhook deliveries (`object: "page"`), shaped like Meta's documented examples,
// for the simulator, tests and the benchmark.
import { createHash, randomBytes } from "node:crypto";

/** The demo's Facebook Page, and the Page token the fake Graph API answers `GET /me` as that Page for. */
export const DEMO_PAGE_ID = "109876543210987";
export const DEMO_PAGE_TOKEN = "fake-messenger-token";

/** A Messenger message id: "m_" and base64url, as Meta's mids look. */
export function newMessengerMid(): string {
  return `m_${randomBytes(40).toString("base64url")}`;
}

type Item = Record<string, unknown>;

export interface MessengerDelivery {
  object: "page";
  entry: { id: string; time: number; messaging?: Item[]; standby?: Item[] }[];
}

export interface MessengerEventOptions {
  /** The customer's Page-scoped id (PSID). */
  senderId?: string;
  pageId?: string;
  timestamp?: number;
}

/** A stable PSID for a name: the same customer every run. */
export function psidFor(name: string): string {
  const digits = BigInt(`0x${createHash("sha256").update(`psid:${name.toLowerCase()}`).digest("hex").slice(0, 16)}`).toString();
  return `2${digits.padStart(16, "0").slice(0, 16)}`;
}

function customerItem(options: MessengerEventOptions, body: Item): Item {
  const pageId = options.pageId ?? DEMO_PAGE_ID;
  return { sender: { id: options.senderId ?? psidFor("demo") }, recipient: { id: pageId }, timestamp: options.timestamp ?? Date.now(), ...body };
}

/** One delivery with these items; `standby` puts them where Meta does while another app holds the thread. */
export function messengerDelivery(items: Item[], options: { pageId?: string; standby?: boolean } = {}): MessengerDelivery {
  return { object: "page", entry: [{ id: options.pageId ?? DEMO_PAGE_ID, time: Date.now(), [options.standby ? "standby" : "messaging"]: items }] };
}

export function messengerTextItem(options: MessengerEventOptions & { text?: string; mid?: string; referral?: Item; quickReply?: string } = {}): Item {
  return customerItem(options, {
    message: {
      mid: options.mid ?? newMessengerMid(),
      text: options.text ?? "Hi! Is the blue sofa still available?",
      ...(options.quickReply ? { quick_reply: { payload: options.quickReply } } : {}),
      ...(options.referral ? { referral: options.referral } : {}),
    },
  });
}

export function messengerText(options: Parameters<typeof messengerTextItem>[0] = {}): MessengerDelivery {
  return messengerDelivery([messengerTextItem(options)], { pageId: options.pageId });
}

export function messengerAttachmentItem(options: MessengerEventOptions & { type: string; url?: string; mid?: string; title?: string }): Item {
  const attachment = options.type === "fallback" ? { type: "fallback", title: options.title ?? "A link", url: options.url, payload: null } : { type: options.type, payload: { url: options.url } };
  return customerItem(options, { message: { mid: options.mid ?? newMessengerMid(), attachments: [attachment] } });
}

export function messengerPostbackItem(options: MessengerEventOptions & { title: string; payload: string; mid?: string; ref?: string }): Item {
  return customerItem(options, {
    postback: {
      mid: options.mid ?? newMessengerMid(),
      title: options.title,
      payload: options.payload,
      ...(options.ref ? { referral: { ref: options.ref, source: "SHORTLINK", type: "OPEN_THREAD" } } : {}),
    },
  });
}

/** Click-to-Messenger ad: the referral rides on the customer's first message. */
export function messengerAdReferral(adId = "6045246247433", title = "Blue sofa -20%"): Item {
  return { ad_id: adId, source: "ADS", type: "OPEN_THREAD", ads_context_data: { ad_title: title } };
}

export function messengerReactionItem(options: MessengerEventOptions & { targetMid: string; emoji?: string; action?: "react" | "unreact" }): Item {
  const action = options.action ?? "react";
  return customerItem(options, { reaction: { mid: options.targetMid, action, ...(action === "react" ? { reaction: "love", emoji: options.emoji ?? "❤️" } : {}) } });
}

export function messengerReadItem(options: MessengerEventOptions & { watermark: number }): Item {
  return customerItem(options, { read: { watermark: options.watermark } });
}

export function messengerDeliveryReceiptItem(options: MessengerEventOptions & { mids: string[] }): Item {
  return customerItem(options, { delivery: { mids: options.mids, watermark: Date.now() } });
}

export function messengerUnsendItem(options: MessengerEventOptions & { mid: string }): Item {
  return customerItem(options, { message: { mid: options.mid, is_deleted: true } });
}

/** The Page's own message echoed back: from Meta's apps, or of a reply this inbox sent. */
export function messengerEchoItem(options: MessengerEventOptions & { text: string; mid?: string; appId?: string }): Item {
  const pageId = options.pageId ?? DEMO_PAGE_ID;
  return {
    sender: { id: pageId },
    recipient: { id: options.senderId ?? psidFor("demo") },
    timestamp: options.timestamp ?? Date.now(),
    message: { mid: options.mid ?? newMessengerMid(), text: options.text, is_echo: true, app_id: options.appId ?? "263902037430900" },
  };
}
