import { describe, expect, it } from "vitest";
import { messageTokens } from "./message-tokens";

describe("messageTokens", () => {
  it("links http(s) and www. addresses, leaving the sentence's punctuation outside", () => {
    expect(messageTokens("See https://shop.example/sofa?c=blue. Or www.example.com!", { whatsappStyles: false })).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://shop.example/sofa?c=blue", href: "https://shop.example/sofa?c=blue" },
      { kind: "text", text: ". Or " },
      { kind: "link", text: "www.example.com", href: "https://www.example.com" },
      { kind: "text", text: "!" },
    ]);
  });

  it("never links a javascript: or data: URL", () => {
    const tokens = messageTokens("javascript:alert(1) data:text/html,<b>x</b>", { whatsappStyles: true });
    expect(tokens.some((token) => token.kind === "link")).toBe(false);
  });

  it("reads WhatsApp's *bold*, _italic_ and ~strike~ only on WhatsApp and only as pairs at word edges", () => {
    expect(messageTokens("The *oak* one, _please_ ~not pine~", { whatsappStyles: true })).toEqual([
      { kind: "text", text: "The " },
      { kind: "bold", text: "oak" },
      { kind: "text", text: " one, " },
      { kind: "italic", text: "please" },
      { kind: "text", text: " " },
      { kind: "strike", text: "not pine" },
    ]);
    expect(messageTokens("The *oak* one", { whatsappStyles: false })).toEqual([{ kind: "text", text: "The *oak* one" }]);
    expect(messageTokens("2 * 3 * 4 and snake_case_name", { whatsappStyles: true })).toEqual([{ kind: "text", text: "2 * 3 * 4 and snake_case_name" }]);
  });
});
