import { postWebhook, whatsappText } from "../scripts/meta-sim/payloads";
import { expect, test } from "./fixtures";
import { E2E_ADMIN, E2E_AGENT, E2E_CHANNEL_ENV } from "./e2e-env";

test.describe("sign-in", () => {
  // The refused sign-in answers 401, which Chromium logs; nothing else may.
  test.use({ allowedConsoleErrors: [/status of 401 .*\/api\/auth\/callback\/credentials/] });
  test("an admin signs in, lands on the inbox and signs out", async ({ page }, testInfo) => {
    await page.goto("/inbox");
    await expect(page).toHaveURL(/\/sign-in/);
    await testInfo.attach("sign-in", { body: await page.screenshot(), contentType: "image/png" });
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/inbox/);
    await expect(page.getByTestId("current-user")).toContainText(E2E_ADMIN.name);
    await expect(page.getByRole("link", { name: "Settings", exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/inbox");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a deep link opened while signed out comes back after signing in", async ({ page, adminPage }) => {
    const run = Date.now().toString().slice(-6);
    const res = await postWebhook({
      appUrl: test.info().project.use.baseURL!,
      channel: "whatsapp",
      payload: whatsappText({ from: `35196${run}2`, name: `Deep Link ${run}`, text: `Where is my order? ${run}` }),
      appSecret: E2E_CHANNEL_ENV.WHATSAPP_APP_SECRET,
    });
    expect(res.status).toBe(200);
    let conversationId = "";
    await expect
      .poll(async () => {
        const list = await (await adminPage.request.get(`/api/inbox/conversations?channel=whatsapp&q=${run}`)).json();
        conversationId = list.conversations?.[0]?.id ?? "";
        return conversationId;
      })
      .not.toBe("");

    const deepLink = `/inbox?c=${conversationId}&channel=whatsapp`;
    await page.goto(deepLink);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Email").fill(E2E_AGENT.email);
    await page.getByLabel("Password").fill(E2E_AGENT.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/inbox\\?c=${conversationId}&channel=whatsapp$`));
    await expect(page.getByText(`Where is my order? ${run}`).last()).toBeVisible();
  });

  test("a callbackUrl to another site lands on the inbox instead", async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example%2F");
    await page.getByLabel("Email").fill(E2E_AGENT.email);
    await page.getByLabel("Password").fill(E2E_AGENT.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/inbox$/);
  });

  test("a wrong password gets one generic message and no session", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill("definitely-wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password don't match an active account.");
    await expect(page).toHaveURL(/\/sign-in/);
    const res = await page.request.get("/api/inbox/conversations");
    expect(res.status()).toBe(401);
  });
});

test.describe("roles", () => {
  test("an agent works the inbox but cannot open settings", async ({ agentPage }, testInfo) => {
    await agentPage.goto("/inbox");
    await expect(agentPage.getByTestId("current-user")).toContainText(E2E_AGENT.name);
    await expect(agentPage.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
    await agentPage.goto("/settings");
    await expect(agentPage.getByRole("heading", { name: "Settings are for admins" })).toBeVisible();
    await testInfo.attach("agent-settings", { body: await agentPage.screenshot(), contentType: "image/png" });
    const api = await agentPage.request.get("/api/settings/users");
    expect(api.status()).toBe(403);
    expect((await api.json()).error.code).toBe("FORBIDDEN");
  });

  test("an admin opens settings and the team API", async ({ adminPage }) => {
    await adminPage.goto("/settings");
    await expect(adminPage.getByRole("heading", { name: "Settings are for admins" })).toHaveCount(0);
    const api = await adminPage.request.get("/api/settings/users");
    expect(api.status()).toBe(200);
  });
});
