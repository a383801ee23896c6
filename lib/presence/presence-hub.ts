import { eventBus } from "@/lib/realtime/bus";
import type { EventBus } from "@/lib/realtime/types";
import { PresenceRegistry, type PresenceEvent, type PresenceState, type Viewer } from "./presence-registry";

/**
 * Collision detection's server side. Each open thread holds a presence stream on one instance; that
 * instance announces the tab over the live-update bus (in process, or LISTEN/NOTIFY across
 * instances on PostgreSQL), re-announces it every HEARTBEAT_MS while the stream lives, and says
 * "left" when it closes (a closed tab vanishes at once). Every instance keeps what it hears in a
 * registry, so a typing report may land on any instance and a crashed instance's viewers expire
 * after TTL_MS. Nothing is stored in the database: presence is only worth anything live.
 */

export const PRESENCE_HEARTBEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 30_000;

interface LocalConnection {
  conversationId: string;
  userId: string;
  userName: string;
}

interface HubState {
  registry: PresenceRegistry;
  local: Map<string, LocalConnection>;
  started: boolean;
}

// On globalThis: route bundles load this module separately; there is one hub per instance.
const globalForPresence = globalThis as unknown as { inboxPresenceHub?: HubState };
const hub: HubState = (globalForPresence.inboxPresenceHub ??= { registry: new PresenceRegistry(), local: new Map(), started: false });

function isPresence(event: { type: string }): event is PresenceEvent {
  return event.type === "presence.updated";
}

function start(bus: EventBus) {
  if (hub.started) return;
  hub.started = true;
  bus.subscribe((event) => {
    if (isPresence(event)) hub.registry.apply(event);
  });
  setInterval(() => {
    const now = Date.now();
    hub.registry.prune(now);
    for (const [connectionId, connection] of hub.local) {
      const state = hub.registry.get(connection.conversationId, connectionId)?.state === "typing" ? "typing" : "viewing";
      void publish({ ...connection, connectionId, state });
    }
  }, PRESENCE_HEARTBEAT_MS).unref();
}

function publish(input: LocalConnection & { connectionId: string; state: PresenceState }): Promise<void> {
  return eventBus.publish({ type: "presence.updated", ...input, expiresAt: Date.now() + PRESENCE_TTL_MS });
}

/** A tab opened a thread: announced now and on every heartbeat until `leave` (its stream closed). */
export async function joinConversation(input: LocalConnection & { connectionId: string }): Promise<() => Promise<void>> {
  start(eventBus);
  const { connectionId, ...connection } = input;
  hub.local.set(connectionId, connection);
  await publish({ ...input, state: "viewing" });
  return async () => {
    hub.local.delete(connectionId);
    await publish({ ...input, state: "left" });
  };
}

/**
 * A tab reports typing or not. Whichever instance gets the report announces it; the one holding the
 * tab's stream keeps heartbeating the state it heard.
 */
export async function reportTyping(input: LocalConnection & { connectionId: string; typing: boolean }): Promise<void> {
  start(eventBus);
  const { typing, ...connection } = input;
  await publish({ ...connection, state: typing ? "typing" : "viewing" });
}

/** Teammates on a conversation other than `exceptUserId`, as this instance knows them now. */
export function viewersOf(conversationId: string, exceptUserId?: string): Viewer[] {
  start(eventBus);
  return hub.registry.viewers(conversationId, Date.now(), exceptUserId);
}

/** Runs `listener` after every presence change on the conversation (the registry is already updated). */
export function onPresenceChange(conversationId: string, listener: () => void): () => void {
  start(eventBus);
  return eventBus.subscribe((event) => {
    if (isPresence(event) && event.conversationId === conversationId) listener();
  });
}
