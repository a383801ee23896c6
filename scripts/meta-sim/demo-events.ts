// `--demo`: a morning's worth of customers on both channels, so a new user sees the inbox fill up
// with believable conversations (texts, a story reply, photos, a business reply, a reaction).
import type { InstagramDelivery } from "./instagram-payloads";
import { buildEvents, type SimulatedEvent } from "./simulated-events";
import type { Channel, SimulatedType } from "./simulator-args";

type Step = { channel: Channel; from: string; type: SimulatedType; text?: string };

const script: Step[] = [
  { channel: "instagram", from: "ana.costa", type: "text", text: "Hi! Is the blue sofa still available?" },
  { channel: "whatsapp", from: "maria.silva", type: "text", text: "Good morning, can I get a quote for 3 chairs?" },
  { channel: "instagram", from: "joao.pereira", type: "story-reply", text: "Love this colour, what's the price?" },
  { channel: "instagram", from: "ana.costa", type: "text", text: "Do you deliver to Porto?" },
  { channel: "whatsapp", from: "pedro.santos", type: "text", text: "Hello, are you open on Saturday?" },
  { channel: "whatsapp", from: "maria.silva", type: "image", text: "These ones, in oak" },
  { channel: "instagram", from: "ana.costa", type: "echo", text: "Yes! Delivery to Porto is free this month." },
  { channel: "instagram", from: "lena.martins", type: "image" },
  { channel: "instagram", from: "lena.martins", type: "text", text: "Something like this but smaller, do you have it?" },
  { channel: "whatsapp", from: "pedro.santos", type: "text", text: "And until what time?" },
  { channel: "instagram", from: "ana.costa", type: "reaction" },
  { channel: "whatsapp", from: "sofia.almeida", type: "text", text: "Hi, I ordered a lamp last week (#1042). Any news?" },
  { channel: "instagram", from: "joao.pereira", type: "text", text: "Also, does it come in green?" },
  { channel: "whatsapp", from: "sofia.almeida", type: "text", text: "Thanks 🙏" },
];

/** The demo's customers on a channel, by friendly name. */
export function demoCustomers(channel: Channel): string[] {
  return [...new Set(script.filter((step) => step.channel === channel).map((step) => step.from))];
}

/**
 * `--from ana` after `--demo` continues the demo's Ana Costa: a first name alone is the demo
 * customer of that channel who has it ("ana" → "ana.costa"); any other name is a customer of its own.
 */
export function demoCustomerFor(channel: Channel, name: string): string {
  const lower = name.toLowerCase();
  return demoCustomers(channel).find((customer) => customer.split(".")[0] === lower) ?? name;
}

/** The demo's deliveries, timestamped a couple of minutes apart and ending now. */
export function demoEvents(settings: { accounts: Record<Channel, string>; graphUrl: string; now: number }): SimulatedEvent[] {
  // The reaction answers the business's latest reply to that customer, sent earlier as an echo.
  const lastEchoMid = new Map<string, string>();
  return script.flatMap((step, index) => {
    const events = buildEvents({
      ...step,
      account: settings.accounts[step.channel],
      graphUrl: settings.graphUrl,
      messageId: step.type === "reaction" ? lastEchoMid.get(step.from) : undefined,
      timestamp: settings.now - (script.length - 1 - index) * 120_000,
    });
    if (step.type === "echo") {
      const payload = events[0].payload as InstagramDelivery;
      lastEchoMid.set(step.from, payload.entry[0].messaging[0].message?.mid ?? "");
    }
    return events;
  });
}
