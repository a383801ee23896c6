import sharp from "sharp";
import { instagramAttachment, postWebhook } from "../scripts/meta-sim/payloads";
import { E2E_CHANNEL_ENV, E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

/**
 * Customer media in the browser: a kept photo shows as a thumbnail in the thread (at its final size)
 * and in the list, and a photo whose link expired before we could keep it says so instead of
 * showing a broken image.
 */

const run = Date.now().toString().slice(-6);
const IG_SENDER = `78${run}00000001`.slice(0, 16);

async function seedCdnFile(path: string, bytes: Buffer, expireAfterDownloads?: number) {
  const res = await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/cdn`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ path, base64: bytes.toString("base64"), mimeType: "image/jpeg", expireAfterDownloads }),
  });
  expect(res.status).toBe(200);
  return `${E2E_FAKE_GRAPH_URL}/cdn/${path}`;
}

async function postImage(url: string, at: number) {
  const res = await postWebhook({
    appUrl: test.info().project.use.baseURL!,
    channel: "instagram",
    payload: instagramAttachment({ senderId: IG_SENDER, type: "image", url, timestamp: at }),
    appSecret: E2E_CHANNEL_ENV.INSTAGRAM_APP_SECRET,
  });
  expect(res.status).toBe(200);
}

test("a kept photo shows as a thumbnail; an expired one says it never arrived", async ({ agentPage: page }, testInfo) => {
  const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#2e86c1" } }).jpeg().toBuffer();
  await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/profiles`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: IG_SENDER, profile: { name: `Pia Photo ${run}`, username: `pia.photo.${run}` } }),
  });
  await postImage(await seedCdnFile(`e2e/${run}-expired.jpg`, photo, 0), Date.now() - 1_000);
  await postImage(await seedCdnFile(`e2e/${run}-sofa.jpg`, photo), Date.now());

  await page.goto("/inbox?channel=instagram");
  const item = page.getByTestId("conversation-item").filter({ hasText: `Pia Photo ${run}` });
  await expect(item.getByTestId("preview-thumbnail")).toBeVisible({ timeout: 15_000 });
  await item.click();

  const thumbnail = page.getByTestId("media-thumbnail");
  await expect(thumbnail).toBeVisible({ timeout: 15_000 });
  await expect(thumbnail).toHaveAttribute("width", "320");
  await expect(thumbnail).toHaveAttribute("height", "213");
  expect(await thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(320);
  await expect(page.getByTestId("media-failed")).toContainText("Media never arrived — open Instagram to see it.");
  await testInfo.attach("thread-with-kept-and-expired-media", { body: await page.screenshot(), contentType: "image/png" });
});
