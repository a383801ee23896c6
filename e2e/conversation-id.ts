import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The id of the conversation a search finds, once the webhook's event has been processed. */
export async function conversationIdFor(page: Page, q: string): Promise<string> {
  let id: string | undefined;
  await expect(async () => {
    const res = await page.request.get(`/api/inbox/conversations?q=${encodeURIComponent(q)}`);
    id = ((await res.json()) as { conversations: { id: string }[] }).conversations[0]?.id;
    expect(id).toBeTruthy();
  }).toPass();
  return id!;
}
