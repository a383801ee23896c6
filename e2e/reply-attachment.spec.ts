import sharp from "sharp";
import { instagramText, postWebhook } from "../scripts/meta-sim/payloads";
import { E2E_CHANNEL_ENV, E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

/**
 * A salesperson attaches a photo to a reply: it uploads at once (with a preview in the composer),
 * goes out with the text, and the thread shows the kept image as a thumbnail with its own ticks.
 * A file the channel can't send says why in the composer and can't be sent.
 */

const run = Date.now().toString().slice(-6);
const IG_SENDER = `79${run}00000001`.slice(0, 16);

test("attaching a photo to a reply shows it in the thread", async ({ agentPage: page }, testInfo) => {
  await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/profiles`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: IG_SENDER, profile: { name: `Rita Reply ${run}`, username: `rita.reply.${run}` } }),
  });
  const res = await postWebhook({
    appUrl: test.info().project.use.baseURL!,
    channel: "instagram",
    payload: instagramText({ senderId: IG_SENDER, text: `Do you have it in green? ${run}` }),
    appSecret: E2E_CHANNEL_ENV.INSTAGRAM_APP_SECRET,
  });
  expect(res.status).toBe(200);

  await page.goto("/inbox?channel=instagram");
  await page.getByTestId("conversation-item").filter({ hasText: `Rita Reply ${run}` }).click();
  await expect(page.getByTestId("thread")).toContainText(`Do you have it in green? ${run}`);

  const attachInput = page.getByTestId("attach-input");
  await attachInput.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a photo") });
  const chip = page.getByTestId("composer-attachment");
  await expect(chip).toHaveAttribute("data-state", "failed");
  await expect(chip.getByRole("alert")).toContainText("Instagram can't send text/plain");
  await expect(page.getByRole("button", { name: "Send reply" })).toBeDisabled();
  await chip.getByRole("button", { name: "Remove notes.txt" }).click();
  await expect(chip).toHaveCount(0);

  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#27ae60" } }).jpeg().toBuffer();
  await attachInput.setInputFiles({ name: "green-sofa.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(chip).toHaveAttribute("data-state", "ready");
  await expect(chip).toContainText("green-sofa.jpg");
  await page.getByLabel("Reply", { exact: true }).fill(`Here it is in green ${run}`);
  await testInfo.attach("composer-with-attached-photo", { body: await page.screenshot(), contentType: "image/png" });
  await page.keyboard.press("Enter");
  await expect(chip).toHaveCount(0);

  const outbound = page.locator('[data-testid="message"][data-direction="outbound"]');
  const image = outbound.filter({ has: page.getByTestId("media-thumbnail") });
  await expect(image).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
  const thumbnail = image.getByTestId("media-thumbnail");
  await expect(thumbnail).toHaveAttribute("width", "320");
  await expect(thumbnail).toHaveAttribute("height", "213");
  expect(await thumbnail.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(320);
  await expect(outbound.filter({ hasText: `Here it is in green ${run}` })).toHaveAttribute("data-status", "sent");

  // Meta (the fake) fetched the photo from the signed link before accepting the message.
  const fetched = (await (await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/fetched-attachments`)).json()) as { status: number; size: number }[];
  expect(fetched.some((file) => file.status === 200 && file.size === photo.length)).toBe(true);
  await testInfo.attach("thread-with-attached-photo", { body: await page.screenshot(), contentType: "image/png" });
});
