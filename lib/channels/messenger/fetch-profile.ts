import { z } from "zod";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "../meta/graph-client";
import { GraphApiError } from "../meta/graph-error";
import type { ChannelCredentials, Participant } from "../types";

const profileSchema = z.object({
  id: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  profile_pic: z.string().optional(),
});

// Unknown PSID (100/33), or a person who blocked the Page or deleted their account: no profile to give.
function isGone(error: GraphApiError): boolean {
  return error.kind === "USER_UNAVAILABLE" || (error.code === 100 && error.subcode === 33);
}

/** The customer's name and picture (a short-lived CDN URL) by Page-scoped id; null when Meta has none. */
export async function fetchMessengerProfile(
  creds: ChannelCredentials,
  psid: string,
  options?: GraphClientOptions,
): Promise<Participant | null> {
  let answer: unknown;
  try {
    answer = await graphRequest(
      creds,
      { method: "GET", path: `/${encodeURIComponent(psid)}`, query: { fields: "first_name,last_name,profile_pic" } },
      { channel: "messenger", ...options },
    );
  } catch (error) {
    if (error instanceof GraphApiError && isGone(error)) return null;
    throw error;
  }
  const profile = parseGraphAnswer(profileSchema, answer, "messenger");
  const name = [profile.first_name, profile.last_name].filter(Boolean).join(" ");
  return {
    id: psid,
    ...(name ? { name } : {}),
    ...(profile.profile_pic ? { avatarUrl: profile.profile_pic } : {}),
  };
}
