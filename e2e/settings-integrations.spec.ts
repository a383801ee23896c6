import { E2E_CHANNEL_ENV, E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

// Connecting Instagram from the browser against the fake Graph API the Playwright config starts.
const TYPED_TOKEN = "IGAAe2e-typed-into-the-browser-token-4821";

test.describe("settings: integrations", () => {
  test("an admin moves Instagram from env into the database, replaces the token and connects", async ({ adminPage: page }, testInfo) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/integrations$/);
    const card = page.getByTestId("integration-instagram");
    await expect(card.getByText("Configured from environment variables")).toBeVisible();
    // Messages from an env-configured channel arrive: the card says it is connected, and shows env's values read-only.
    await expect(card.getByText("Connected (from environment)")).toBeVisible();
    await expect(card.getByLabel("Facebook page id (optional)")).toBeDisabled();
    await expect(card.getByLabel("Facebook page id (optional)")).toHaveValue(E2E_CHANNEL_ENV.INSTAGRAM_PAGE_ID);
    await expect(card.getByRole("button", { name: "Save" })).toHaveCount(0);
    // Messenger has a card of its own, from the channel catalog: the Page id and its own callback URL.
    const messenger = page.getByTestId("integration-messenger");
    await expect(messenger.getByLabel("Page id")).toHaveValue(E2E_CHANNEL_ENV.MESSENGER_PAGE_ID);
    await expect(messenger.getByRole("textbox", { name: "Callback URL" })).toHaveValue(/\/api\/webhooks\/messenger$/);
    await expect(card.getByRole("textbox", { name: "Callback URL" })).toHaveValue(/\/api\/webhooks\/instagram$/);
    for (const field of ["messages", "messaging_postbacks", "messaging_seen", "message_reactions", "message_edit"]) {
      await expect(card.getByRole("listitem").filter({ hasText: new RegExp(`^${field}$`) })).toBeVisible();
    }

    await card.getByRole("button", { name: "Move into the database" }).click();
    await expect(card.getByText("Moved into the database")).toBeVisible();
    await expect(card.getByText("Configured from environment variables")).toHaveCount(0);
    await expect(card.getByLabel("Facebook page id (optional)")).toBeEnabled();

    await card.getByLabel("Access token").fill(TYPED_TOKEN);
    const verifyToken = card.getByLabel("Webhook verify token");
    const before = await verifyToken.inputValue();
    await card.getByRole("button", { name: "Generate" }).click();
    const generated = await verifyToken.inputValue();
    expect(generated).not.toBe(before);
    expect(generated).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await card.getByRole("button", { name: "Save" }).click();
    await expect(card.getByRole("status")).toHaveText("Saved.");
    await expect(card.getByLabel("Access token")).toHaveValue("");
    await expect(card.getByLabel("Access token")).toHaveAttribute("placeholder", /•••• 4821/);
    await expect(card.getByLabel("Verify token", { exact: true })).toHaveValue(generated);

    await card.getByRole("button", { name: "Test connection" }).click();
    await expect(card.getByRole("status")).toHaveText("Connected as @demo.furniture (Demo Furniture Co)");
    await expect(card.getByText("Connected", { exact: true })).toBeVisible();
    await expect(page.getByTestId("audit-trail")).toContainText("tested the connection Instagram");
    await expect(page.getByTestId("audit-trail")).toContainText("moved env settings into the database Instagram");

    // The browser never receives the token back, not even after a reload.
    await page.reload();
    expect(await page.content()).not.toContain(TYPED_TOKEN);
    const api = await page.request.get("/api/settings/integrations");
    expect(await api.text()).not.toContain(TYPED_TOKEN);
    await page.screenshot({ path: testInfo.outputPath("settings-integrations.png"), fullPage: true });
    await testInfo.attach("settings-integrations", { path: testInfo.outputPath("settings-integrations.png"), contentType: "image/png" });

  });

  test("a failed connection test says what to do", async ({ adminPage: page }) => {
    const programmed = await page.request.post(`${E2E_FAKE_GRAPH_URL}/__fake/program`, {
      data: { match: { pathIncludes: "106540352242922" }, times: 1, respond: { error: "token-expired" } },
    });
    expect(programmed.ok()).toBe(true);
    await page.goto("/settings/integrations");
    const card = page.getByTestId("integration-whatsapp");
    await card.getByRole("button", { name: "Test connection" }).click();
    await expect(card.getByRole("alert")).toContainText("WhatsApp token expired — reconnect in Settings");
    await card.getByRole("button", { name: "Test connection" }).click();
    await expect(card.getByRole("status")).toHaveText("Connected as Demo Furniture Co (+1 555-078-3881)");
  });

  test("an admin adds a second Instagram account connected through Instagram Login", async ({ adminPage: page }, testInfo) => {
    await page.goto("/settings/integrations");
    await page.getByRole("button", { name: "Add another Instagram account" }).click();
    const card = page.getByTestId("integration-instagram-2");
    await expect(card.getByRole("heading", { name: "Instagram (2)" })).toBeVisible();
    const variant = card.getByLabel("Connected through");
    await expect(variant).toHaveValue("instagram");
    await expect(card.getByLabel("Instagram account id (user_id)")).toBeVisible();
    await expect(card.getByLabel("Facebook page id (optional)")).toHaveCount(0);
    await variant.selectOption("facebook");
    await expect(card.getByLabel("Facebook page id (optional)")).toBeVisible();
    await variant.selectOption("instagram");

    await card.getByLabel("Enabled").check();
    await card.getByLabel("Access token").fill("IGAAe2e-instagram-login-token-7731");
    await card.getByLabel("App secret").fill("e2e-instagram-login-app-secret");
    await card.getByRole("button", { name: "Generate" }).click();
    await card.getByLabel("Instagram account id (user_id)").fill("17841400000000001");
    await card.getByRole("button", { name: "Save" }).click();
    await expect(card.getByRole("status")).toHaveText("Saved.");
    await expect(card.getByTestId("token-lifetime")).toContainText("Token expiry not known yet");

    await card.getByRole("button", { name: "Test connection" }).click();
    await expect(card.getByRole("status")).toHaveText("Connected as @demo.furniture");
    const probes = await page.request.get(`${E2E_FAKE_GRAPH_URL}/__fake/requests?pathIncludes=/me`);
    expect((await probes.json()).at(-1).query).toMatchObject({ fields: "user_id,username" });
    await expect(page.getByTestId("audit-trail")).toContainText("added the account Instagram (account 2)");
    await card.screenshot({ path: testInfo.outputPath("settings-instagram-login.png") });
    await testInfo.attach("settings-instagram-login", { path: testInfo.outputPath("settings-instagram-login.png"), contentType: "image/png" });
  });

  test("a generated verify token completes Meta's GET webhook handshake", async ({ adminPage: page }) => {
    await page.goto("/settings/integrations");
    const card = page.getByTestId("integration-whatsapp");
    await card.getByRole("button", { name: "Move into the database" }).click();
    await expect(card.getByText("Moved into the database")).toBeVisible();
    const envToken = await card.getByLabel("Verify token", { exact: true }).inputValue();
    await card.getByRole("button", { name: "Generate" }).click();
    const generated = await card.getByLabel("Webhook verify token").inputValue();
    await card.getByRole("button", { name: "Save" }).click();
    await expect(card.getByRole("status")).toHaveText("Saved.");
    await expect(card.getByLabel("Verify token", { exact: true })).toHaveValue(generated);

    // What the App Dashboard does when "Verify and save" is pressed.
    const handshake = await page.request.get(
      `/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(generated)}&hub.challenge=1158201444`,
    );
    expect(handshake.status()).toBe(200);
    expect(await handshake.text()).toBe("1158201444");
    const stale = await page.request.get(`/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(envToken)}&hub.challenge=1`);
    expect(stale.status()).toBe(403);
  });
});
