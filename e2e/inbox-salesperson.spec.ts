import type { Page, TestInfo } from "@playwright/test";
import { instagramText, postWebhook, whatsappStatus, whatsappText } from "../scripts/meta-sim/payloads";
import { E2E_AGENT, E2E_CHANNEL_ENV, E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

/**
 * A salesperson's day in the inbox, in real Chromium against the production build: messages arrive
 * live through signed webhooks, they open, reply, watch the status tick, archive, search and block.
 */

const run = Date.now().toString().slice(-6);
const IG_SENDER = `77${run}00000001`.slice(0, 16);
const WA_NUMBER = `35193${run}1`;

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

async function postInstagram(text: string) {
  const res = await postWebhook({
    appUrl: test.info().project.use.baseURL!,
    channel: "instagram",
    payload: instagramText({ senderId: IG_SENDER, text }),
    appSecret: E2E_CHANNEL_ENV.INSTAGRAM_APP_SECRET,
  });
  expect(res.status).toBe(200);
}

async function postWhatsApp(payload: unknown) {
  const res = await postWebhook({
    appUrl: test.info().project.use.baseURL!,
    channel: "whatsapp",
    payload,
    appSecret: E2E_CHANNEL_ENV.WHATSAPP_APP_SECRET,
  });
  expect(res.status).toBe(200);
}

async function openLiveInbox(page: Page) {
  await page.goto("/inbox");
  // The live stream is connected: anything posted from now on must arrive without a reload.
  await expect(page.getByTestId("inbox")).toHaveAttribute("data-live", "true");
}

test.describe.configure({ mode: "serial" });


test("new Instagram and WhatsApp messages arrive live in their tabs", async ({ agentPage: page }, testInfo) => {
  await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/profiles`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: IG_SENDER, profile: { name: `Ana Live ${run}`, username: `ana.live.${run}` } }),
  });
  await openLiveInbox(page);
  await shoot(page, testInfo, "inbox-before");

  await postInstagram(`Is the blue sofa still available? ${run}`);
  const igItem = page.getByTestId("conversation-item").filter({ hasText: `blue sofa still available? ${run}` });
  await expect(igItem).toBeVisible();
  await expect(page.getByTestId("tab-instagram-unread")).toBeVisible();

  await postWhatsApp(whatsappText({ from: WA_NUMBER, name: `Maria Live ${run}`, text: `Can I get a quote for 3 chairs? ${run}` }));
  await page.getByTestId("tab-whatsapp").click();
  await expect(page).toHaveURL(/channel=whatsapp/);
  const waItem = page.getByTestId("conversation-item").filter({ hasText: `Maria Live ${run}` });
  await expect(waItem).toBeVisible();
  await expect(waItem.getByTestId("unread-badge")).toHaveText("1");
  await expect(page.getByTestId("conversation-item").filter({ hasText: `blue sofa still available? ${run}` })).toHaveCount(0);
  await shoot(page, testInfo, "whatsapp-tab-live");

  await page.getByTestId("tab-instagram").click();
  await expect(igItem).toBeVisible();
});

test("opens a WhatsApp conversation, replies, and sees the status tick move", async ({ agentPage: page }, testInfo) => {
  await openLiveInbox(page);
  await page.getByTestId("tab-whatsapp").click();
  const waItem = page.getByTestId("conversation-item").filter({ hasText: `Maria Live ${run}` });
  await waItem.click();
  await expect(page).toHaveURL(/c=/);
  await expect(page.getByTestId("thread-title")).toHaveText(`Maria Live ${run}`);
  await expect(waItem.getByTestId("unread-badge")).toHaveCount(0);

  // Webhook → bubble on screen, with the conversation open.
  const started = Date.now();
  await postWhatsApp(whatsappText({ from: WA_NUMBER, name: `Maria Live ${run}`, text: `Oak, please. Delivery to Porto? ${run}` }));
  await expect(page.getByTestId("thread").getByText(`Oak, please. Delivery to Porto? ${run}`)).toBeVisible();
  const webhookToScreenMs = Date.now() - started;
  testInfo.annotations.push({ type: "webhook-to-screen-ms", description: String(webhookToScreenMs) });
  // Reported, not asserted: this machine's speed swings by half, so a fixed threshold fails for the
  // wrong reason. The figure is in the report's annotations.
  console.log(`[measure] webhook → message on screen: ${webhookToScreenMs} ms`);

  await expect(page.getByTestId("window-hint")).toContainText("Reply window closes in 24 h");
  const composer = page.getByLabel("Reply", { exact: true });
  await composer.fill(`Yes! Oak is in stock.`);
  await composer.press("Shift+Enter");
  await composer.pressSequentially("Delivery to Porto takes 3 days.");
  await composer.press("Enter");
  await expect(composer).toHaveValue("");
  const reply = page.getByTestId("message").filter({ hasText: "Delivery to Porto takes 3 days." });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText("Yes! Oak is in stock.");
  await expect(reply).toHaveAttribute("data-status", "sent");
  await expect(reply).toContainText(E2E_AGENT.name);

  const sends = (await (await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/requests?pathIncludes=/messages`)).json()) as { body: { to?: string; text?: { body: string } } }[];
  const sent = sends.find((request) => request.body?.to === WA_NUMBER);
  expect(sent?.body.text?.body).toBe("Yes! Oak is in stock.\nDelivery to Porto takes 3 days.");

  const wamid = await latestOutboundExternalId(page);
  await postWhatsApp(whatsappStatus({ messageId: wamid, status: "read", recipientId: WA_NUMBER }));
  await expect(reply).toHaveAttribute("data-status", "read");
  await expect(reply.getByTestId("message-status")).toHaveText("Read");
  await shoot(page, testInfo, "thread-after-reply");
});

test("archives a conversation and finds it in Archived", async ({ agentPage: page }, testInfo) => {
  await openLiveInbox(page);
  await page.getByTestId("conversation-item").filter({ hasText: `Maria Live ${run}` }).click();
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByTestId("toast")).toContainText("Conversation archived");
  await expect(page.getByTestId("conversation-item").filter({ hasText: `Maria Live ${run}` })).toHaveCount(0);
  await page.getByLabel("View").selectOption("archived");
  await expect(page).toHaveURL(/filter=archived/);
  await expect(page.getByTestId("conversation-item").filter({ hasText: `Maria Live ${run}` })).toBeVisible();
  await shoot(page, testInfo, "archived-view");
  // Archiving moved on to the next conversation; open the archived one to bring it back.
  await page.getByTestId("conversation-item").filter({ hasText: `Maria Live ${run}` }).click();
  await page.getByRole("button", { name: "Unarchive" }).click();
  await expect(page.getByTestId("conversation-item").filter({ hasText: `Maria Live ${run}` })).toHaveCount(0);
});

test("searches by message text and by @username", async ({ agentPage: page }, testInfo) => {
  await openLiveInbox(page);
  const search = page.getByLabel("Search conversations");
  await search.fill(`chairs? ${run}`);
  await expect(page).toHaveURL(/q=chairs/);
  await expect(page.getByTestId("conversation-item")).toHaveCount(1);
  await expect(page.getByTestId("conversation-item")).toContainText(`Maria Live ${run}`);
  await search.fill(`@ana.live.${run}`);
  await expect(page).toHaveURL(/q=%40ana/);
  await expect(page.getByTestId("conversation-item").filter({ hasText: "Maria Live" })).toHaveCount(0);
  await expect(page.getByTestId("conversation-item")).toHaveCount(1);
  await expect(page.getByTestId("conversation-item")).toContainText(`blue sofa`);
  // Opening a result is a step in the history; a new search replaces the current step.
  await page.getByTestId("conversation-item").click();
  await expect(page).toHaveURL(/c=/);
  await search.fill("nobody-wrote-this-zzz");
  await expect(page.getByTestId("empty-list")).toContainText("No conversations match");
  await shoot(page, testInfo, "search-empty");

  // Back returns to the list as it was, the search box included.
  await page.goBack();
  await expect(page).not.toHaveURL(/c=/);
  await expect(page).toHaveURL(/q=%40ana/);
  await expect(search).toHaveValue(`@ana.live.${run}`);
  await expect(page.getByTestId("conversation-item")).toHaveCount(1);
  await expect(page.getByTestId("conversation-item")).toContainText(`blue sofa`);
});

test("keyboard: j/k move, Enter opens, Esc leaves", async ({ agentPage: page }) => {
  await openLiveInbox(page);
  await page.getByTestId("conversation-item").first().focus();
  await page.keyboard.press("j");
  const second = page.getByTestId("conversation-item").nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press("k");
  await expect(page.getByTestId("conversation-item").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/c=/);
  await expect(page.getByTestId("thread-title")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/c=/);
  await expect(page.getByTestId("conversation-item").first()).toBeFocused();
});

test("blocks a contact out of the inbox, with undo", async ({ agentPage: page }, testInfo) => {
  await openLiveInbox(page);
  const igItem = page.getByTestId("conversation-item").filter({ hasText: `Ana Live ${run}` });
  await igItem.click();
  await page.getByRole("button", { name: "Block", exact: true }).click();
  await expect(page.getByTestId("toast")).toContainText(`Blocked Ana Live ${run}`);
  await expect(igItem).toHaveCount(0);
  await shoot(page, testInfo, "blocked-with-undo");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(igItem).toBeVisible();
  await expect(page.getByTestId("thread-title")).toHaveText(`Ana Live ${run}`);
  const conversationId = new URL(page.url()).searchParams.get("c")!;
  await page.getByRole("button", { name: "Block", exact: true }).click();
  await expect(igItem).toHaveCount(0);
  // Blocked people's new messages are dropped, not shown.
  await postInstagram(`Hello again? ${run}`);
  await page.waitForTimeout(500);
  await expect(page.getByText(`Hello again? ${run}`)).toHaveCount(0);
  // Leave the shared blocklist as we found it: other specs start from "Nobody is blocked".
  expect((await page.request.delete(`/api/inbox/conversations/${conversationId}/block`)).status()).toBe(200);
});

test("phone width: list and thread are separate screens; inbox JS size", async ({ agentPage: page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLiveInbox(page);
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.includes("/_next/static/") && entry.name.endsWith(".js"))
      .map((entry) => ({ transfer: (entry as PerformanceResourceTiming).transferSize, decoded: (entry as PerformanceResourceTiming).decodedBodySize })),
  );
  const transferKb = Math.round(scripts.reduce((sum, s) => sum + s.transfer, 0) / 1024);
  const decodedKb = Math.round(scripts.reduce((sum, s) => sum + s.decoded, 0) / 1024);
  testInfo.annotations.push({ type: "inbox-js-kb", description: `${transferKb} KB transferred (gzip), ${decodedKb} KB parsed, ${scripts.length} files` });
  console.log(`[measure] /inbox JavaScript: ${transferKb} KB transferred, ${decodedKb} KB uncompressed, ${scripts.length} files`);
  await shoot(page, testInfo, "phone-list");
  await page.getByTestId("conversation-item").first().click();
  await expect(page.getByTestId("conversation-list")).toBeHidden();
  await expect(page.getByTestId("thread")).toBeVisible();
  await shoot(page, testInfo, "phone-thread");
  await page.getByRole("button", { name: "Back to conversations" }).click();
  await expect(page.getByTestId("conversation-list")).toBeVisible();
});


/** The wamid Meta returned for our latest reply, as the thread knows it (statuses are keyed by it). */
async function latestOutboundExternalId(page: Page): Promise<string> {
  const conversationId = new URL(page.url()).searchParams.get("c")!;
  const res = await page.request.get(`/api/inbox/conversations/${conversationId}/messages`);
  const { messages } = (await res.json()) as { messages: { direction: string; externalId: string | null }[] };
  const outbound = messages.filter((message) => message.direction === "OUTBOUND" && message.externalId);
  return outbound.at(-1)!.externalId!;
}
