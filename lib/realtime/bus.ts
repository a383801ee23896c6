import { createInProcessBus } from "@/lib/realtime/in-process-bus";
import type { EventBus } from "@/lib/realtime/types";

const globalForBus = globalThis as unknown as { inboxEventBus?: EventBus };

/** The process-wide bus. Publishing never throws into the caller: a lost live update is refetched on reconnect. */
export const eventBus: EventBus = globalForBus.inboxEventBus ?? createInProcessBus();
globalForBus.inboxEventBus = eventBus;
