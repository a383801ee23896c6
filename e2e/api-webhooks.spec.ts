import { postWebhook, whatsappText } from "../scripts/meta-sim/payloads";
import { startWebhookReceiver } from "../tests/helpers/webhook-receiver";
import { verifyStandardWebhook } from "../tests/helpers/standard-webhooks-verify";
import { E2E_APP_URL, E2E_CHANNEL_ENV } from "./e2e-env";
import { expect, test } from "./fixtures";

test.describe("settings: API and outgoing webhooks", () => {
  test("an admin creates a token and an endpoint, and sees a delivery in the log", async ({ adminPage: page }, testInfo) => {
    const receiver = await startWebhookReceiver();
    try {
      await page.goto("/settings");
      await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API" }).click();
      await expect(page).toHaveURL(/\/settings\/api$/);
      const tokenForm = page.getByRole("form", { name: "Create an API token" });
      await tokenForm.getByLabel("Name").fill("Spreadsheet sync");
      await tokenForm.getByLabel("Access").selectOption("read_write");
      await tokenForm.getByRole("button", { name: "Create token" }).click();
      const secret = tokenForm.getByRole("textbox", { name: /shown only once/ });
      await expect(secret).toHaveValue(/^uit_/);
      const token = await secret.inputValue();
      await expect(page.getByRole("table", { name: "API tokens" })).toContainText("Spreadsheet sync");
      await expect(page.getByRole("table", { name: "API tokens" })).toContainText("Read and write");
      // The secret is never in the list, only its first characters.
      await expect(page.getByRole("table", { name: "API tokens" })).not.toContainText(token);
      const api = await page.request.get(`${E2E_APP_URL}/api/v1/leads`, { headers: { authorization: `Bearer ${token}` } });
      expect(api.status()).toBe(200);
      await page.screenshot({ path: testInfo.outputPath("settings-api.png"), fullPage: true });
      await testInfo.attach("settings-api", { path: testInfo.outputPath("settings-api.png"), contentType: "image/png" });

      await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Outgoing webhooks" }).click();
      const endpointForm = page.getByRole("form", { name: "Add a webhook endpoint" });
      await endpointForm.getByLabel("URL").fill(`${receiver.url}/ok`);
      await endpointForm.getByLabel("message.received").check();
      await endpointForm.getByRole("button", { name: "Add endpoint" }).click();
      const signingSecret = endpointForm.getByRole("textbox", { name: /Signing secret/ });
      await expect(signingSecret).toHaveValue(/^whsec_/);
      const whsec = await signingSecret.inputValue();

      const payload = whatsappText({ from: "351912345678", name: "Webhook Wanda", text: "Is the blue sofa in stock?", phoneNumberId: E2E_CHANNEL_ENV.WHATSAPP_PHONE_NUMBER_ID });
      const res = await postWebhook({ appUrl: E2E_APP_URL, channel: "whatsapp", payload, appSecret: E2E_CHANNEL_ENV.WHATSAPP_APP_SECRET });
      expect(res.status).toBe(200);

      const endpoint = page.getByRole("region", { name: `${receiver.url}/ok` });
      await endpoint.getByRole("button", { name: "Deliveries" }).click();
      const delivery = endpoint.getByTestId("webhook-delivery").first();
      await expect(delivery).toContainText("message.received", { timeout: 15_000 });
      await expect(delivery).toContainText("delivered");
      await expect(delivery).toContainText("200");
      expect(receiver.received).toHaveLength(1);
      expect(verifyStandardWebhook(whsec, receiver.received[0]!.headers, receiver.received[0]!.body)).toBe(true);
      expect(JSON.parse(receiver.received[0]!.body).data.message.text).toBe("Is the blue sofa in stock?");
      await page.screenshot({ path: testInfo.outputPath("settings-webhooks.png"), fullPage: true });
      await testInfo.attach("settings-webhooks", { path: testInfo.outputPath("settings-webhooks.png"), contentType: "image/png" });
    } finally {
      // Later specs' customer messages must not queue deliveries to a receiver that is gone.
      const { endpoints } = (await (await page.request.get("/api/settings/webhooks")).json()) as { endpoints: { id: string; url: string }[] };
      for (const endpoint of endpoints.filter((candidate) => candidate.url.startsWith(receiver.url))) {
        await page.request.delete(`/api/settings/webhooks/${endpoint.id}`, { headers: { origin: E2E_APP_URL } });
      }
      await receiver.close();
    }
  });

  test("the API reference renders from the bundled viewer under the app's CSP", async ({ adminPage: page }, testInfo) => {
    await page.goto("/api/v1/docs");
    await expect(page.getByText("Unified Inbox API").first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText("Send a text reply, as the token's creator").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("api-docs.png"), fullPage: false });
    await testInfo.attach("api-docs", { path: testInfo.outputPath("api-docs.png"), contentType: "image/png" });
  });
});
