import { EventEmitter } from "node:events";
import type { EventBus, InboxEvent, InboxEventListener } from "@/lib/realtime/types";

export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter();
  // Every open browser tab is one listener; the default cap of 10 would warn at the 11th.
  emitter.setMaxListeners(0);
  return {
    async publish(event: InboxEvent) {
      emitter.emit("event", event);
    },
    subscribe(listener: InboxEventListener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
  };
}
