import { z } from "zod";
import {
  apiConversationPageSchema,
  apiErrorSchema,
  apiLeadPageSchema,
  apiLeadResponseSchema,
  apiMessagePageSchema,
  apiSendMessageSchema,
  apiSentMessageSchema,
} from "@/lib/validations/api-v1";
import { listConversationsQuerySchema, listMessagesQuerySchema } from "@/lib/validations/conversation";
import { listLeadsQuerySchema, updateLeadSchema } from "@/lib/validations/lead";

/**
 * The OpenAPI 3.1 document for /api/v1, built from the very zod schemas the routes parse with and
 * answer in (zod 4's JSON Schema output is the 2020-12 dialect OpenAPI 3.1 uses), so the document
 * cannot drift from the code. Queries are described as their input (strings before coercion).
 */

type JsonSchema = Record<string, unknown>;


function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };

function jsonContent(schema: z.ZodType) {
  return { "application/json": { schema: schemaOf(schema, "output") } };
}

function errors(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: "Malformed request",
    401: "Missing, unknown or revoked token",
    403: "The token is read-only, or the action is not allowed",
    404: "Not found",
    409: "Conflicts with the current state",
    422: "Invalid input, or the messaging window is closed",
    429: "Rate limited: retry after the Retry-After header's seconds",
    502: "Meta refused or failed the send",
  };
  return Object.fromEntries(statuses.map((status) => [String(status), { description: descriptions[status], content: jsonContent(apiErrorSchema) }]));
}

const COMMON = [400, 401, 429];

export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Unified Inbox API",
      version: "1.0.0",
      description:
        "Read leads and conversations and send replies. Authenticate with `Authorization: Bearer <token>` (Settings → API). " +
        "`read` tokens can call GET routes; `read_write` tokens can also PATCH leads and send messages.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths: {
      "/api/v1/leads": {
        get: {
          operationId: "listLeads",
          summary: "List leads (same filters and sorts as the app's lead table)",
          parameters: queryParameters(listLeadsQuerySchema),
          responses: { "200": { description: "A page of leads", content: jsonContent(apiLeadPageSchema) }, ...errors(...COMMON, 422) },
        },
      },
      "/api/v1/leads/{id}": {
        get: {
          operationId: "getLead",
          summary: "One lead with its contacts and conversations",
          parameters: [idParameter],
          responses: { "200": { description: "The lead", content: jsonContent(apiLeadResponseSchema) }, ...errors(...COMMON, 404) },
        },
        patch: {
          operationId: "updateLead",
          summary: "Change a lead's stage, owner, value, currency, name or lost reason",
          parameters: [idParameter],
          requestBody: { required: true, content: { "application/json": { schema: schemaOf(updateLeadSchema, "input") } } },
          responses: { "200": { description: "The updated lead", content: jsonContent(apiLeadResponseSchema) }, ...errors(...COMMON, 403, 404, 409, 422) },
        },
      },
      "/api/v1/conversations": {
        get: {
          operationId: "listConversations",
          summary: "List conversations (same tabs, views and search as the inbox)",
          parameters: queryParameters(listConversationsQuerySchema),
          responses: { "200": { description: "A page of conversations", content: jsonContent(apiConversationPageSchema) }, ...errors(...COMMON, 422) },
        },
      },
      "/api/v1/conversations/{id}/messages": {
        get: {
          operationId: "listMessages",
          summary: "A conversation's messages, newest page first (oldest first within a page)",
          parameters: [idParameter, ...queryParameters(listMessagesQuerySchema)],
          responses: { "200": { description: "A page of messages", content: jsonContent(apiMessagePageSchema) }, ...errors(...COMMON, 404, 422) },
        },
        post: {
          operationId: "sendMessage",
          summary: "Send a text reply, as the token's creator, with the inbox's window and human-agent rules",
          parameters: [
            idParameter,
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "Repeating a request with the same key returns the first one's message instead of sending again.",
              schema: { type: "string", maxLength: 100 },
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: schemaOf(apiSendMessageSchema, "input") } } },
          responses: {
            "201": { description: "Meta accepted the message", content: jsonContent(apiSentMessageSchema) },
            ...errors(...COMMON, 403, 404, 409, 422, 502),
          },
        },
      },
    },
  };
}
