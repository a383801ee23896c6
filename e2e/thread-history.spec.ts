import { instagramBatch, instagramText, postWebhook } from "../scripts/meta-sim/payloads";
import { E2E_CHANNEL_ENV } from "./e2e-env";
import { expect, test } from "./fixtures";

/**
 * A long thread opens on its newest page; scrolling up brings the older ones in without a click,
 * and what the salesperson was reading stays where it was.
 */

const run = Date.now().toString().slice(-6);
const SENDER = `78${run}00000009`.slice(0, 16);
const COUNT = 120;

test("scrolling up a long thread loads its earlier messages in place", async ({ agentPage: page }) => {
  const start = Date.now() - COUNT * 60_000;
  const texts = Array.from({ length: COUNT }, (_, index) => `History ${run} message ${String(index + 1).padStart(3, "0")}`);
  const res = await postWebhook({
    appUrl: test.info().project.use.baseURL!,
    channel: "instagram",
    payload: instagramBatch([texts.map((text, index) => instagramText({ senderId: SENDER, text, timestamp: start + index * 60_000 }))]),
    appSecret: E2E_CHANNEL_ENV.INSTAGRAM_APP_SECRET,
  });
  expect(res.status).toBe(200);

  await page.goto("/inbox");
  await page.getByTestId("conversation-item").filter({ hasText: texts.at(-1)! }).click();
  const thread = page.getByTestId("thread");
  await expect(thread.getByText(texts.at(-1)!)).toBeVisible();
  // The newest page only: 50 of 120.
  await expect(thread.getByText(texts[0])).toHaveCount(0);
  await expect(thread.getByText(texts[COUNT - 50])).toHaveCount(1);
  await expect(thread.getByText(texts[COUNT - 51])).toHaveCount(0);

  // To the top of what is loaded (column-reverse: scrollTop runs from 0 at the bottom into negatives).
  const scrollToTop = () => thread.evaluate((element) => element.scrollTo({ top: -element.scrollHeight }));
  await scrollToTop();
  await expect(thread.getByText(texts[COUNT - 51])).toHaveCount(1);
  // The message that was at the top is still on screen: the older page landed above it.
  await expect(thread.getByText(texts[COUNT - 50])).toBeInViewport();
  await expect(thread.getByText(texts[0])).toHaveCount(0);

  await scrollToTop();
  await expect(thread.getByText(texts[0])).toHaveCount(1);
  await scrollToTop();
  await expect(thread.getByText(texts[0])).toBeInViewport();
  await expect(thread.getByRole("button", { name: "Load earlier messages" })).toHaveCount(0);
});
