import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * A fixed window per token, counted in the token's own row by conditional updates, so every
 * instance on one PostgreSQL database counts against the same window and two requests can't both
 * take the last slot. Each admitted request also stamps `lastUsedAt`.
 */
export async function consumeRateLimit(tokenId: string, now = new Date()): Promise<void> {
  const windowMs = env.API_RATE_LIMIT_WINDOW_MS;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const inWindow = await db.apiToken.updateMany({
    where: { id: tokenId, windowStart, windowCount: { lt: env.API_RATE_LIMIT } },
    data: { windowCount: { increment: 1 }, lastUsedAt: now },
  });
  if (inWindow.count === 1) return;
  const newWindow = await db.apiToken.updateMany({
    where: { id: tokenId, OR: [{ windowStart: null }, { windowStart: { lt: windowStart } }] },
    data: { windowStart, windowCount: 1, lastUsedAt: now },
  });
  if (newWindow.count === 1) return;
  const retryAfterS = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  throw new ApiError({
    code: "RATE_LIMITED",
    message: `Too many requests for this token: at most ${env.API_RATE_LIMIT} per ${windowMs / 1000} s. Retry after ${retryAfterS} s.`,
    headers: { "Retry-After": String(retryAfterS) },
  });
}
