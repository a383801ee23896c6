import { z } from "zod";
import { graphRequest, parseGraphAnswer, type GraphClientOptions, type GraphCredentials } from "../meta/graph-client";

const refreshAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().int().positive(),
});

export interface RefreshedToken {
  accessToken: string;
  expiresAt: Date;
}

/**
 * Renews a long-lived Instagram Login token (at least a day old, not expired) for another 60 days:
 * `GET graph.instagram.com/refresh_access_token`. Meta documents this endpoint unversioned and with
 * the token as a query parameter, so it goes there as well as in the header; the Graph client
 * redacts it from any error text.
 */
export async function refreshInstagramToken(
  creds: GraphCredentials,
  now = new Date(),
  options?: GraphClientOptions,
): Promise<RefreshedToken> {
  const answer = await graphRequest(
    creds,
    {
      method: "GET",
      path: "/refresh_access_token",
      unversioned: true,
      query: { grant_type: "ig_refresh_token", access_token: creds.accessToken },
    },
    { channel: "instagram", ...options },
  );
  const refreshed = parseGraphAnswer(refreshAnswerSchema, answer, "instagram");
  return { accessToken: refreshed.access_token, expiresAt: new Date(now.getTime() + refreshed.expires_in * 1000) };
}
