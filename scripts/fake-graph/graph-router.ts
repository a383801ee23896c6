// Maps a Graph API request (version prefix already stripped) to the handler that answers it.
// Graph addresses every object as /{id}, so a bare id is told apart by what the fake knows about it
// and by the fields asked for.
import { randomBytes } from "node:crypto";
import { takeDownload, type FakeState, type UploadedFile } from "./fake-state";
import { invalidParameterError, missingTokenError, namedError, unknownObjectError, unknownPathError } from "./graph-errors";
import { fail, ok, pickFields, type GraphReply } from "./graph-reply";
import { formatConversation, instagramAccount, instagramProfile, listConversations, sendInstagramMessage } from "./instagram-handlers";
import { messengerPage, messengerProfile, sendMessengerMessage } from "./messenger-handlers";
import { generatePng } from "./png";
import { controlThread, THREAD_CONTROL_EDGES } from "./thread-control-handlers";
import { listTemplates, mediaDownload, mediaInfo, phoneNumberInfo, sendWhatsAppMessage, uploadMedia } from "./whatsapp-handlers";

export interface GraphRequest {
  method: string;
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  files: Record<string, UploadedFile>;
  authorization: string | undefined;
  baseUrl: string;
}

export async function routeGraphRequest(state: FakeState, request: GraphRequest): Promise<GraphReply> {
  const { method, segments, query } = request;
  const [first, second] = segments;

  // Public CDN stand-in for avatars and attachment URLs the simulator points at.
  if (method === "GET" && first === "cdn") return cdnFile(state, segments.slice(1).join("/"), segments.join("/"));
  if (method === "GET" && first === "media-download" && segments.length === 2) return mediaDownload(state, second, request.authorization);
  if (bearsExpiredToken(state, request)) return fail(namedError("token-expired"));
  if (method === "GET" && first === "refresh_access_token" && segments.length === 1) return refreshToken(query);

  const hasToken = /^Bearer \S+/i.test(request.authorization ?? "") || Boolean(query.get("access_token"));
  if (!hasToken) return fail(missingTokenError());

  if (method === "GET" && segments.length === 1) {
    const page = pageOf(state, first, request);
    if (page) return messengerPage(page, query.get("fields"));
    return getNode(state, first, query.get("fields"), request.baseUrl);
  }
  if (method === "GET" && second === "conversations" && segments.length === 2) return listConversations(state, first, query, request.baseUrl);
  if (method === "GET" && second === "message_templates" && segments.length === 2) return listTemplates(query);
  if (method === "POST" && second === "messages" && segments.length === 2) return sendMessage(state, first, request.body);
  if (method === "POST" && THREAD_CONTROL_EDGES.has(second) && segments.length === 2) return controlThread(request.body);
  if (method === "POST" && second === "media" && segments.length === 2) return uploadMedia(state, first, request.body, request.files.file);
  return fail(unknownPathError(`/${segments.join("/")}`));
}

function bearsExpiredToken(state: FakeState, request: GraphRequest): boolean {
  const bearer = request.authorization?.match(/^Bearer (\S+)/i)?.[1];
  const inQuery = request.query.get("access_token");
  return [bearer, inQuery].some((token) => token !== undefined && token !== null && state.expiredTokens.has(token));
}

/** The Page a `GET /{id}` is about: a known Page id, or `me` asked with a Page access token. */
function pageOf(state: FakeState, id: string, request: GraphRequest): string | undefined {
  if (state.pageIds.has(id)) return id;
  if (id !== "me") return undefined;
  const token = request.authorization?.match(/^Bearer (\S+)/i)?.[1] ?? request.query.get("access_token") ?? "";
  return state.pageTokens.get(token);
}

function sendMessage(state: FakeState, nodeId: string, body: unknown): Promise<GraphReply> | GraphReply {
  if (state.pageIds.has(nodeId)) return sendMessengerMessage(body);
  const saysWhatsApp = typeof body === "object" && body !== null && "messaging_product" in body;
  if (saysWhatsApp || state.phoneNumberIds.has(nodeId)) {
    state.phoneNumberIds.add(nodeId);
    return sendWhatsAppMessage(state, body);
  }
  state.instagramAccountIds.add(nodeId);
  return sendInstagramMessage(state, nodeId, body);
}

const phoneFields = /\b(display_phone_number|verified_name|quality_rating)\b/;
const profileFields = /\b(name|username|profile_pic)\b/;
const messengerProfileFields = /\b(first_name|last_name)\b/;

function getNode(state: FakeState, id: string, fields: string | null, baseUrl: string): GraphReply {
  if (state.instagramAccountIds.has(id) || /^1784\d{10,}$/.test(id)) return instagramAccount(state, id, fields, baseUrl);
  if (state.phoneNumberIds.has(id) || phoneFields.test(fields ?? "")) return phoneNumberInfo(id, fields);
  if (state.media.has(id)) return mediaInfo(state, id, baseUrl);
  const conversation = state.conversations.find((known) => known.id === id);
  if (conversation) return ok(pickFields(formatConversation(conversation, conversation.accountId ?? state.instagramAccountId, baseUrl), fields));
  if (messengerProfileFields.test(fields ?? "")) return messengerProfile(state, id, fields, baseUrl);
  if (state.profiles.has(id) || profileFields.test(fields ?? "")) return instagramProfile(state, id, fields, baseUrl);
  // Any other numeric id is taken as a WhatsApp media id, so inbound media always downloads.
  if (/^\d+$/.test(id)) return mediaInfo(state, id, baseUrl);
  return fail(unknownObjectError(id));
}

/** Seeded files as stored (and expiring like Meta's signed CDN links: 403 once used up); anything else a generated PNG. */
function cdnFile(state: FakeState, path: string, seed: string): GraphReply {
  const file = state.cdnFiles.get(path);
  if (!file) return { status: 200, bytes: generatePng(seed, 64), contentType: "image/png" };
  if (!takeDownload(file)) return { status: 403, bytes: Buffer.from("URL signature expired"), contentType: "text/plain" };
  return { status: 200, bytes: file.bytes, contentType: file.mimeType };
}

function refreshToken(query: URLSearchParams): GraphReply {
  if (!query.get("access_token")) return fail(missingTokenError());
  if (query.get("grant_type") !== "ig_refresh_token") return fail(invalidParameterError("Unsupported grant_type, expected ig_refresh_token"));
  return ok({ access_token: `IGAA${randomBytes(48).toString("base64url")}`, token_type: "bearer", expires_in: 5184000 });
}
