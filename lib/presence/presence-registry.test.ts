import { describe, expect, it } from "vitest";
import { PresenceRegistry, type PresenceEvent } from "./presence-registry";

const at = 1_000_000;
function event(overrides: Partial<PresenceEvent>): PresenceEvent {
  return { type: "presence.updated", conversationId: "c1", connectionId: "tab-a", userId: "ana", userName: "Ana", state: "viewing", expiresAt: at + 30_000, ...overrides };
}

describe("PresenceRegistry", () => {
  it("lists others on a conversation, one entry per person, typing if any tab types", () => {
    const registry = new PresenceRegistry();
    registry.apply(event({}));
    registry.apply(event({ connectionId: "tab-b", state: "typing" }));
    registry.apply(event({ connectionId: "tab-c", userId: "rui", userName: "Rui" }));
    registry.apply(event({ connectionId: "tab-d", userId: "me", userName: "Me" }));
    registry.apply(event({ conversationId: "c2", connectionId: "tab-e", userId: "lena", userName: "Lena" }));
    expect(registry.viewers("c1", at, "me")).toEqual([
      { userId: "ana", userName: "Ana", typing: true },
      { userId: "rui", userName: "Rui", typing: false },
    ]);
  });

  it("forgets a tab that left, and one whose heartbeat stopped", () => {
    const registry = new PresenceRegistry();
    registry.apply(event({}));
    registry.apply(event({ connectionId: "tab-b", userId: "rui", userName: "Rui", expiresAt: at + 5_000 }));
    registry.apply(event({ state: "left" }));
    expect(registry.viewers("c1", at).map((viewer) => viewer.userId)).toEqual(["rui"]);
    expect(registry.viewers("c1", at + 5_000)).toEqual([]);
    registry.prune(at + 5_000);
    expect(registry.connections("c1", at)).toEqual([]);
  });

  it("replaces a tab's state: typing stops when it reports viewing again", () => {
    const registry = new PresenceRegistry();
    registry.apply(event({ state: "typing" }));
    registry.apply(event({ state: "viewing" }));
    expect(registry.viewers("c1", at)).toEqual([{ userId: "ana", userName: "Ana", typing: false }]);
  });
});
