import { messengerText, postWebhook, psidFor } from "../scripts/meta-sim/payloads";
import { E2E_CHANNEL_ENV, E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

/**
 * A Messenger conversation end to end in real Chromium: a signed Page webhook comes in, the customer
 * shows under the Messenger tab with their profile name and the channel's label, and a reply typed
 * in the composer reaches the (fake) Send API as a RESPONSE from the Page.
 */

const run = Date.now().toString().slice(-6);
const PSID = psidFor(`e2e.messenger.${run}`);

test("a Messenger customer's message is shown under Messenger and answered through the Send API", async ({ adminPage: page }, testInfo) => {
  await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/profiles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: PSID, profile: { name: `Rita Gomes${run}`, username: "unused" } }),
  });
  const res = await postWebhook({
    appUrl: test.info().project.use.baseURL!,
    channel: "messenger",
    payload: messengerText({ senderId: PSID, pageId: E2E_CHANNEL_ENV.MESSENGER_PAGE_ID, text: `Do you have the oak table? ${run}` }),
    appSecret: E2E_CHANNEL_ENV.MESSENGER_APP_SECRET,
  });
  expect(res.status).toBe(200);

  await page.goto("/inbox?channel=messenger");
  await expect(page.getByTestId("tab-messenger")).toHaveAttribute("aria-current", "page");
  const item = page.getByTestId("conversation-item").filter({ hasText: `Do you have the oak table? ${run}` });
  await expect(item).toBeVisible();
  await expect(item.getByRole("img", { name: "Messenger" })).toBeVisible();
  // Hydrated and live before the click, so it opens the thread in place.
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await item.click();
  await expect(page.getByTestId("thread").getByText(`Do you have the oak table? ${run}`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("thread-title")).toContainText(`Rita Gomes${run}`);

  const composer = page.getByLabel("Reply", { exact: true });
  await composer.fill(`Yes, in stock ${run}`);
  await composer.press("Enter");
  const reply = page.getByTestId("message").filter({ hasText: `Yes, in stock ${run}` });
  await expect(reply).toHaveAttribute("data-status", "sent");
  await testInfo.attach("messenger-conversation", { body: await page.screenshot(), contentType: "image/png" });

  const sends = (await (await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/requests?pathIncludes=/messages`)).json()) as { path: string; body: Record<string, unknown> }[];
  const sent = sends.find((request) => (request.body?.message as { text?: string } | undefined)?.text === `Yes, in stock ${run}`);
  expect(sent?.path).toContain(`/${E2E_CHANNEL_ENV.MESSENGER_PAGE_ID}/messages`);
  expect(sent?.body).toMatchObject({ recipient: { id: PSID }, messaging_type: "RESPONSE" });
});
