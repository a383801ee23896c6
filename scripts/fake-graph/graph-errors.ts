// Error bodies exactly as Meta's Graph API answers them. The three documented ones are the checked-in
// fixtures; the rest follow Meta's published error reference.
import outsideWindow from "./fixtures/error-outside-window.json";
import rateLimit from "./fixtures/error-rate-limit.json";
import tokenExpired from "./fixtures/error-token-expired.json";

export interface GraphErrorResponse {
  status: number;
  body: { error: Record<string, unknown> };
}

export const namedErrorKinds = [
  "token-expired",
  "outside-window",
  "rate-limit",
  "server-error",
  "whatsapp-window",
  "recipient-not-on-whatsapp",
  "user-unavailable",
  "thread-control-denied",
  "thread-control-unsupported",
] as const;

export type NamedErrorKind = (typeof namedErrorKinds)[number];

function traceId(): string {
  return `A${Math.random().toString(36).slice(2, 12)}`;
}

function whatsappError(code: number, message: string, details: string) {
  return {
    error: { message, type: "OAuthException", code, error_data: { messaging_product: "whatsapp", details }, fbtrace_id: traceId() },
  };
}

export function namedError(kind: NamedErrorKind): GraphErrorResponse {
  switch (kind) {
    case "token-expired":
      return { status: 401, body: structuredClone(tokenExpired) };
    case "outside-window":
      return { status: 400, body: structuredClone(outsideWindow) };
    case "rate-limit":
      // Graph API answers throttling (#4) with 403, not 429: clients must read error.code.
      return { status: 403, body: structuredClone(rateLimit) };
    case "server-error":
      return {
        status: 500,
        body: { error: { message: "An unknown error has occurred.", type: "OAuthException", code: 1, is_transient: true } },
      };
    case "whatsapp-window":
      return {
        status: 400,
        body: whatsappError(
          131047,
          "(#131047) Re-engagement message",
          "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        ),
      };
    case "recipient-not-on-whatsapp":
      return {
        status: 400,
        body: whatsappError(
          131026,
          "(#131026) Message Undeliverable",
          "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted the new Terms of Service and Privacy Policy; the recipient is using an old WhatsApp version.",
        ),
      };
    case "user-unavailable":
      return {
        status: 400,
        body: { error: { message: "(#551) This person isn't available right now.", type: "OAuthException", code: 551, error_subcode: 1545041, fbtrace_id: traceId() } },
      };
    // Handover protocol: a secondary receiver may not take a thread another app holds.
    case "thread-control-denied":
      return {
        status: 400,
        body: { error: { message: "(#10) Only the primary receiver can take thread control", type: "OAuthException", code: 10, fbtrace_id: traceId() } },
      };
    case "thread-control-unsupported":
      return {
        status: 400,
        body: {
          error: { message: "(#27) Take thread control is not supported when Conversation Routing is not enabled", type: "OAuthException", code: 27, fbtrace_id: traceId() },
        },
      };
  }
}

/** No token in the Authorization header nor the access_token parameter. */
export function missingTokenError(): GraphErrorResponse {
  return {
    status: 401,
    body: { error: { message: "Invalid OAuth access token - Cannot parse access token", type: "OAuthException", code: 190, fbtrace_id: traceId() } },
  };
}

/** What Graph answers for an id it cannot load (unknown user, deleted object, wrong id type). */
export function unknownObjectError(id: string): GraphErrorResponse {
  return {
    status: 400,
    body: {
      error: {
        message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        type: "GraphMethodException",
        code: 100,
        error_subcode: 33,
        fbtrace_id: traceId(),
      },
    },
  };
}

export function invalidParameterError(message: string, whatsappDetails?: string): GraphErrorResponse {
  if (whatsappDetails !== undefined) return { status: 400, body: whatsappError(100, "(#100) Invalid parameter", whatsappDetails) };
  return { status: 400, body: { error: { message: `(#100) ${message}`, type: "OAuthException", code: 100, fbtrace_id: traceId() } } };
}

export function unknownPathError(path: string): GraphErrorResponse {
  return {
    status: 400,
    body: { error: { message: `Unknown path components: ${path}`, type: "OAuthException", code: 2500, fbtrace_id: traceId() } },
  };
}
