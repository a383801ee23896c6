// /__fake/*: lets a separately running app's tests and the CLI drive the fake over HTTP.
import type { z } from "zod";
import {
  addCdnFileRequestSchema,
  addMediaRequestSchema,
  conversationSeedSchema,
  expireTokenRequestSchema,
  ruleSchema,
  setProfileRequestSchema,
} from "./control-schemas";
import type { FakeState } from "./fake-state";
import { ok, type GraphReply } from "./graph-reply";

function invalid(error: z.ZodError): GraphReply {
  return {
    status: 422,
    body: { error: { message: "invalid control request", issues: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) } },
  };
}

export function handleControl(state: FakeState, method: string, action: string, query: URLSearchParams, body: unknown): GraphReply {
  const route = `${method} ${action}`;
  if (route === "GET requests") {
    const pathIncludes = query.get("pathIncludes");
    return ok(state.requests().filter((request) => pathIncludes === null || request.path.includes(pathIncludes)));
  }
  if (route === "GET fetched-attachments") return ok(state.fetchedAttachments());
  if (route === "POST reset") {
    state.reset();
    return ok({ ok: true });
  }
  if (route === "POST program") {
    const rule = ruleSchema.safeParse(body);
    if (!rule.success) return invalid(rule.error);
    state.program(rule.data);
    return ok({ ok: true });
  }
  if (route === "POST profiles") {
    const request = setProfileRequestSchema.safeParse(body);
    if (!request.success) return invalid(request.error);
    state.profiles.set(request.data.id, request.data.profile);
    return ok({ ok: true });
  }
  if (route === "POST conversations") {
    const seed = conversationSeedSchema.safeParse(body);
    if (!seed.success) return invalid(seed.error);
    return ok({ id: state.addConversation(seed.data) });
  }
  if (route === "POST media") {
    const media = addMediaRequestSchema.safeParse(body);
    if (!media.success) return invalid(media.error);
    const { id, base64, mimeType, expireAfterDownloads } = media.data;
    state.media.set(id, { bytes: Buffer.from(base64, "base64"), mimeType, downloadsLeft: expireAfterDownloads });
    state.expiredMedia.delete(id);
    return ok({ id });
  }
  if (route === "POST cdn") {
    const file = addCdnFileRequestSchema.safeParse(body);
    if (!file.success) return invalid(file.error);
    const { path, base64, mimeType, expireAfterDownloads } = file.data;
    state.cdnFiles.set(path, { bytes: Buffer.from(base64, "base64"), mimeType, downloadsLeft: expireAfterDownloads });
    return ok({ path: `/cdn/${path}` });
  }
  if (route === "POST expired-tokens") {
    const request = expireTokenRequestSchema.safeParse(body);
    if (!request.success) return invalid(request.error);
    state.expiredTokens.add(request.data.token);
    return ok({ ok: true });
  }
  return { status: 404, body: { error: { message: `no control endpoint ${method} /__fake/${action}` } } };
}
