// What tests and the CLI can tell the fake, in process or over HTTP (/__fake/*): one schema each, so
// both paths accept exactly the same input.
import { z } from "zod";
import { namedErrorKinds } from "./graph-errors";

export const ruleSchema = z.object({
  match: z.object({ method: z.string().toUpperCase().optional(), pathIncludes: z.string().optional() }).default({}),
  /** How many matching requests the rule answers before it expires; forever when omitted. */
  times: z.number().int().positive().optional(),
  respond: z.union([
    /**
     * Holds the request this long, then answers normally (lets the app's timeout fire) or, with a
     * status, with that body (a slow answer whose content the test knows, e.g. a message id).
     */
    z.object({
      delayMs: z.number().int().nonnegative(),
      status: z.number().int().min(100).max(599).optional(),
      body: z.unknown().optional(),
    }),
    z.object({ status: z.number().int().min(100).max(599), body: z.unknown() }),
    z.object({ error: z.enum(namedErrorKinds) }),
  ]),
});

export type FakeRule = z.input<typeof ruleSchema>;

export const profileSchema = z.object({
  name: z.string(),
  username: z.string(),
  profile_pic: z.string().optional(),
});

export type ProfileInput = z.input<typeof profileSchema>;

export const setProfileRequestSchema = z.object({
  id: z.string().min(1),
  /** null makes the id unknown: profile lookups answer Meta's "object does not exist" error. */
  profile: profileSchema.nullable(),
});

const time = z.union([z.iso.datetime({ offset: true }), z.number()]);

export const conversationSeedSchema = z.object({
  id: z.string().optional(),
  /** The business account; when omitted the conversation is listed under every account id. */
  accountId: z.string().optional(),
  accountUsername: z.string().default("demo.furniture"),
  participant: z.object({ id: z.string().min(1), username: z.string().optional() }),
  messages: z
    .array(
      z.object({
        id: z.string().optional(),
        from: z.enum(["customer", "business"]).default("customer"),
        text: z.string().default(""),
        attachments: z.array(z.object({ type: z.enum(["image", "video", "audio", "file"]), url: z.string() })).optional(),
        /** ISO time or epoch milliseconds; defaults to one minute apart, ending now. */
        createdTime: time.optional(),
      }),
    )
    .default([]),
});

export type ConversationSeed = z.input<typeof conversationSeedSchema>;

/** How many downloads a seeded file allows before its link expires; unlimited when omitted. */
const expireAfterDownloads = z.number().int().nonnegative().optional();

export const addMediaRequestSchema = z.object({
  id: z.string().min(1),
  base64: z.string(),
  mimeType: z.string().default("application/octet-stream"),
  expireAfterDownloads,
});

export const addCdnFileRequestSchema = z.object({
  /** Served at `/cdn/<path>`. */
  path: z.string().min(1).regex(/^[\w.\/-]+$/),
  base64: z.string(),
  mimeType: z.string().default("application/octet-stream"),
  expireAfterDownloads,
});

/** POST /__fake/expired-tokens: from now on, calls with this token answer code 190. */
export const expireTokenRequestSchema = z.object({ token: z.string().min(1) });
