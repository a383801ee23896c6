import { postWebhook, whatsappText } from "../scripts/meta-sim/payloads";
import { E2E_CHANNEL_ENV, E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

/**
 * A WhatsApp customer who adopted a username writes with no phone number (issue 20): the inbox shows
 * their @username, and a reply goes out to their business-scoped user id, in real Chromium.
 */

const run = Date.now().toString().slice(-6);
const BSUID = `PT.77${run}0000001`;
const USERNAME = `rui.e2e.${run}`;

test("a username-only WhatsApp customer shows as @username and is answered by BSUID", async ({ adminPage: page }, testInfo) => {
  const res = await postWebhook({
    appUrl: test.info().project.use.baseURL!,
    channel: "whatsapp",
    payload: whatsappText({ from: "", bsuid: BSUID, username: USERNAME, name: `Rui Username ${run}`, text: `Do you deliver to Braga? ${run}` }),
    appSecret: E2E_CHANNEL_ENV.WHATSAPP_APP_SECRET,
  });
  expect(res.status).toBe(200);

  await page.goto("/inbox?channel=whatsapp");
  const item = page.getByTestId("conversation-item").filter({ hasText: `Rui Username ${run}` });
  await expect(item).toContainText(`@${USERNAME}`);
  await expect(item).not.toContainText("+");
  await item.click();
  await expect(page.getByTestId("thread").getByText(`Do you deliver to Braga? ${run}`)).toBeVisible();

  const composer = page.getByLabel("Reply", { exact: true });
  await composer.fill(`Yes, Braga in 2 days ${run}`);
  await composer.press("Enter");
  const reply = page.getByTestId("message").filter({ hasText: `Yes, Braga in 2 days ${run}` });
  await expect(reply).toHaveAttribute("data-status", "sent");
  await testInfo.attach("whatsapp-username", { body: await page.screenshot(), contentType: "image/png" });

  const sends = (await (await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/requests?pathIncludes=/messages`)).json()) as { body: Record<string, unknown> }[];
  const sent = sends.find((request) => (request.body?.text as { body?: string } | undefined)?.body === `Yes, Braga in 2 days ${run}`);
  expect(sent?.body).toMatchObject({ recipient: BSUID, type: "text" });
  expect(sent?.body).not.toHaveProperty("to");
});
