import { describe, expect, it } from "vitest";
import outsideWindow from "./fixtures/error-outside-window.json";
import rateLimit from "./fixtures/error-rate-limit.json";
import tokenExpired from "./fixtures/error-token-expired.json";
import { graphErrorFromResponse, graphNetworkError, graphTimeoutError } from "./graph-error";

const metaError = (error: Record<string, unknown>) => ({ error: { type: "OAuthException", fbtrace_id: "Trace1", ...error } });

describe("graphErrorFromResponse", () => {
  it("maps an expired Instagram token (190) to TOKEN_EXPIRED with the reconnect hint", () => {
    const error = graphErrorFromResponse("instagram", 401, tokenExpired);
    expect(error.kind).toBe("TOKEN_EXPIRED");
    expect(error.userMessage).toBe("Instagram token expired — reconnect in Settings");
    expect(error.code).toBe(190);
    expect(error.subcode).toBe(463);
    expect(error.fbtraceId).toBe("AbCdEfGhIjL");
    expect(error.metaMessage).toContain("Session has expired");
    expect(error.retryable).toBe(false);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("GraphApiError");
  });

  it("names WhatsApp in the token message for WhatsApp", () => {
    expect(graphErrorFromResponse("whatsapp", 401, tokenExpired).userMessage).toBe("WhatsApp token expired — reconnect in Settings");
  });

  it("maps code 10 with subcode 2534022 to WINDOW_CLOSED", () => {
    const error = graphErrorFromResponse("instagram", 400, outsideWindow);
    expect(error.kind).toBe("WINDOW_CLOSED");
    expect(error.userMessage).toBe("24-hour messaging window expired. Wait for the customer to message first.");
    expect(error.retryable).toBe(false);
  });

  it("maps WhatsApp 131047 to WINDOW_CLOSED and points at templates", () => {
    const error = graphErrorFromResponse("whatsapp", 400, metaError({ code: 131047, message: "(#131047) Re-engagement message" }));
    expect(error.kind).toBe("WINDOW_CLOSED");
    expect(error.userMessage).toMatch(/^24-hour messaging window expired\. Wait for the customer to message first\./);
    expect(error.userMessage).toContain("template");
  });

  it("maps 551 to USER_UNAVAILABLE", () => {
    const error = graphErrorFromResponse("instagram", 400, metaError({ code: 551, error_subcode: 1545041, message: "(#551) This person isn't available right now." }));
    expect(error.kind).toBe("USER_UNAVAILABLE");
    expect(error.userMessage).toContain("isn't available on Instagram");
  });

  it("maps code 10 without the window subcode to PERMISSION_MISSING", () => {
    const error = graphErrorFromResponse("instagram", 403, metaError({ code: 10, message: "(#10) Application does not have permission for this action" }));
    expect(error.kind).toBe("PERMISSION_MISSING");
    expect(error.userMessage).toBe("Instagram permission missing for this action. Check the app's permissions and reconnect in Settings.");
  });

  it.each([200, 230, 299])("maps %i to PERMISSION_MISSING and names the permission Meta names", (code) => {
    const error = graphErrorFromResponse("instagram", 403, metaError({ code, message: `(#${code}) Requires instagram_manage_messages permission to manage the object` }));
    expect(error.kind).toBe("PERMISSION_MISSING");
    expect(error.userMessage).toBe("Instagram permission missing: instagram_manage_messages. Grant it to the app and reconnect in Settings.");
  });

  it("names a WhatsApp permission", () => {
    const error = graphErrorFromResponse("whatsapp", 403, metaError({ code: 200, message: "(#200) You do not have the necessary permissions: whatsapp_business_messaging" }));
    expect(error.userMessage).toContain("WhatsApp permission missing: whatsapp_business_messaging");
  });

  it.each([4, 17, 613, 80007, 130429, 131056])("maps %i to RATE_LIMITED, retryable", (code) => {
    const error = graphErrorFromResponse("whatsapp", 400, metaError({ code, message: "limit" }));
    expect(error.kind).toBe("RATE_LIMITED");
    expect(error.retryable).toBe(true);
  });

  it("keeps code 4 a rate limit even though Meta flags it transient", () => {
    const error = graphErrorFromResponse("instagram", 403, rateLimit);
    expect(error.kind).toBe("RATE_LIMITED");
    expect(error.userMessage).toBe("Instagram is limiting how fast we can send right now. Try again in a few minutes.");
  });

  it("explains WhatsApp's per-recipient limit (131056) in its own words", () => {
    expect(graphErrorFromResponse("whatsapp", 400, metaError({ code: 131056 })).userMessage).toContain("to this customer");
  });

  it("maps 131026 to RECIPIENT_NOT_ON_WHATSAPP", () => {
    const error = graphErrorFromResponse("whatsapp", 400, metaError({ code: 131026, message: "(#131026) Message Undeliverable" }));
    expect(error.kind).toBe("RECIPIENT_NOT_ON_WHATSAPP");
    expect(error.retryable).toBe(false);
  });

  it.each([
    ["code 1", 400, { code: 1, message: "An unknown error occurred" }],
    ["code 2", 400, { code: 2, message: "Service temporarily unavailable" }],
    ["is_transient", 400, { code: 9999, is_transient: true }],
    ["HTTP 500 without a code", 500, {}],
    ["HTTP 503", 503, { code: 12345 }],
  ] as const)("maps %s to TRANSIENT, retryable", (_name, status, error) => {
    const mapped = graphErrorFromResponse("instagram", status, metaError(error));
    expect(mapped.kind).toBe("TRANSIENT");
    expect(mapped.retryable).toBe(true);
  });

  it("treats a non-JSON 502 from a proxy as TRANSIENT", () => {
    const error = graphErrorFromResponse("whatsapp", 502, undefined);
    expect(error.kind).toBe("TRANSIENT");
    expect(error.code).toBeUndefined();
  });

  it("maps invalid parameters (100) to INVALID_REQUEST with WhatsApp's details", () => {
    const error = graphErrorFromResponse(
      "whatsapp",
      400,
      metaError({ code: 100, message: "(#100) Invalid parameter", error_data: { messaging_product: "whatsapp", details: "Param text['body'] is required" } }),
    );
    expect(error.kind).toBe("INVALID_REQUEST");
    expect(error.userMessage).toBe("WhatsApp rejected the message: Param text['body'] is required");
  });

  it("maps WhatsApp template errors (132xxx) to INVALID_REQUEST", () => {
    expect(graphErrorFromResponse("whatsapp", 400, metaError({ code: 132001, message: "Template name does not exist in the translation" })).kind).toBe(
      "INVALID_REQUEST",
    );
  });

  it("maps anything else to UNKNOWN, not retryable", () => {
    const error = graphErrorFromResponse("instagram", 400, metaError({ code: 2500, message: "Unknown path components: /x" }));
    expect(error.kind).toBe("UNKNOWN");
    expect(error.retryable).toBe(false);
  });

  it("puts Meta's code, message and trace id into the log message", () => {
    const error = graphErrorFromResponse("instagram", 401, tokenExpired);
    expect(error.message).toBe(
      "Instagram Graph API TOKEN_EXPIRED: HTTP 401: code 190/463: Error validating access token: Session has expired on Friday, 20-Nov-26 10:00:00 PST.: fbtrace_id AbCdEfGhIjL",
    );
  });

  it("ignores fields of the wrong type instead of trusting them", () => {
    const error = graphErrorFromResponse("instagram", 400, { error: { code: "190", message: 5 } });
    expect(error.code).toBeUndefined();
    expect(error.metaMessage).toBeUndefined();
    expect(error.kind).toBe("UNKNOWN");
  });
});

describe("network and timeout errors", () => {
  it("network failures are TRANSIENT and name the reason", () => {
    const cause = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    const error = graphNetworkError("whatsapp", cause);
    expect(error.kind).toBe("TRANSIENT");
    expect(error.retryable).toBe(true);
    expect(error.metaMessage).toBe("fetch failed: ECONNREFUSED");
    expect(error.userMessage).toBe("Couldn't reach WhatsApp. Check the connection and try again.");
    expect(error.cause).toBe(cause);
  });

  it("timeouts are TIMEOUT and retryable", () => {
    const error = graphTimeoutError("instagram", 1500);
    expect(error.kind).toBe("TIMEOUT");
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("1500 ms");
  });
});
