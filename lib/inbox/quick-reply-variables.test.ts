import { describe, expect, it } from "vitest";
import { fillQuickReply } from "./quick-reply-variables";

describe("fillQuickReply", () => {
  it("fills the customer's first name and the agent's name, on every line", () => {
    expect(fillQuickReply("Hi {{first_name}}!\nIt's {{ agent_name }} from the shop.", { customerName: "Ana Costa", agentName: "Alex Agent" })).toBe(
      "Hi Ana!\nIt's Alex Agent from the shop.",
    );
  });

  it("greets someone without a name, and leaves unknown variables as typed", () => {
    expect(fillQuickReply("Hi {{first_name}}, {{order_id}}", { customerName: null, agentName: "Alex" })).toBe("Hi there, {{order_id}}");
  });
});
