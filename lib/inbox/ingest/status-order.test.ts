import { describe, expect, it } from "vitest";
import { canMoveTo } from "@/lib/inbox/ingest/status-order";

describe("canMoveTo (WhatsApp receipts arrive out of order)", () => {
  it("moves forward along sent → delivered → read", () => {
    expect(canMoveTo("PENDING", "SENT")).toBe(true);
    expect(canMoveTo("SENT", "DELIVERED")).toBe(true);
    expect(canMoveTo("SENT", "READ")).toBe(true);
    expect(canMoveTo("DELIVERED", "READ")).toBe(true);
  });

  it("never moves backwards: a late delivered after read changes nothing", () => {
    expect(canMoveTo("READ", "DELIVERED")).toBe(false);
    expect(canMoveTo("READ", "SENT")).toBe(false);
    expect(canMoveTo("DELIVERED", "DELIVERED")).toBe(false);
  });

  it("fails only what was not delivered yet, and a failure is final", () => {
    expect(canMoveTo("SENT", "FAILED")).toBe(true);
    expect(canMoveTo("PENDING", "FAILED")).toBe(true);
    expect(canMoveTo("READ", "FAILED")).toBe(false);
    expect(canMoveTo("FAILED", "DELIVERED")).toBe(false);
    expect(canMoveTo("DELETED", "READ")).toBe(false);
  });
});
