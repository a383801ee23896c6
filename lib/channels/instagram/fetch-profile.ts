import { z } from "zod";
import { graphRequest, parseGraphAnswer, type GraphClientOptions } from "../meta/graph-client";
import { GraphApiError } from "../meta/graph-error";
import type { ChannelCredentials, Participant } from "../types";

const profileSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  username: z.string().optional(),
  profile_pic: z.string().optional(),
});

// Unknown object (100/33) or a user who blocked the account / deleted theirs: there is simply no profile.
function isGone(error: GraphApiError): boolean {
  return error.kind === "USER_UNAVAILABLE" || (error.code === 100 && error.subcode === 33);
}

/** The customer's name, @username and avatar (a short-lived CDN URL); null when Instagram has none to give. */
export async function fetchInstagramProfile(
  creds: ChannelCredentials,
  igsid: string,
  options?: GraphClientOptions,
): Promise<Participant | null> {
  let answer: unknown;
  try {
    answer = await graphRequest(
      creds,
      { method: "GET", path: `/${encodeURIComponent(igsid)}`, query: { fields: "name,username,profile_pic" } },
      { channel: "instagram", ...options },
    );
  } catch (error) {
    if (error instanceof GraphApiError && isGone(error)) return null;
    throw error;
  }
  const profile = parseGraphAnswer(profileSchema, answer, "instagram");
  return {
    id: igsid,
    ...(profile.name ? { name: profile.name } : {}),
    ...(profile.username ? { username: profile.username } : {}),
    ...(profile.profile_pic ? { avatarUrl: profile.profile_pic } : {}),
  };
}
