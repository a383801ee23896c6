import { z } from "zod";
import type { DeliveryItem, NormalizedEvent } from "../types";
import { optional, optionalText } from "./lenient";

/**
 * Meta's handover protocol, shared by the Instagram and Messenger parsers. A `messaging[]` item may
 * carry a `messaging_handovers` notification; `entry[].standby[]` carries items of the same shape for
 * threads another app (a chatbot) holds.
 */

const handover = optional(z.object({ previous_owner_app_id: optionalText, new_owner_app_id: optionalText, metadata: optionalText }));

/** Spread into a channel's `messaging[]` item schema. */
export const handoverFields = {
  /** The thread was passed to us (delivered to the new owner). */
  pass_thread_control: handover,
  /** Another app took the thread from us (delivered to the previous owner). */
  take_thread_control: handover,
};

type HandoverFields = { [K in keyof typeof handoverFields]?: z.output<(typeof handoverFields)[K]> };
type Base = Omit<Extract<NormalizedEvent, { kind: "thread_owner" }>, "kind" | "ours" | "otherAppId">;

/** The `thread_owner` events an item's handover fields mean. */
export function threadOwnerEvents(item: HandoverFields, base: Base): NormalizedEvent[] {
  const events: NormalizedEvent[] = [];
  const passed = item.pass_thread_control;
  if (passed) events.push({ ...base, kind: "thread_owner", ours: true, ...(passed.previous_owner_app_id ? { otherAppId: passed.previous_owner_app_id } : {}) });
  const taken = item.take_thread_control;
  if (taken) events.push({ ...base, kind: "thread_owner", ours: false, ...(taken.new_owner_app_id ? { otherAppId: taken.new_owner_app_id } : {}) });
  return events;
}

/** A `standby[]` item: the customer's messages in it came while another app held the thread. */
export function asStandby(item: DeliveryItem): DeliveryItem {
  return {
    ...item,
    events: item.events.map((event) => (event.kind === "message" && event.direction === "INBOUND" ? { ...event, standby: true } : event)),
  };
}
