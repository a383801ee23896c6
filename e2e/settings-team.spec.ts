import { expect, test } from "./fixtures";

const NEW_AGENT = { name: "Tess Tester", email: "tess@example.com", password: "tess-password-1" };

test.describe("settings: team", () => {
  // Disabling the last admin answers 409 on purpose, which Chromium logs.
  test.use({ allowedConsoleErrors: [/status of 409 .*\/api\/settings\/users\//] });
  test("an admin adds an agent, who signs in and cannot open settings; disabling signs her out", async ({ adminPage: page, browser }, testInfo) => {
    await page.goto("/settings/team");
    const form = page.getByRole("form", { name: "Add a staff member" });
    await form.getByLabel("Name").fill(NEW_AGENT.name);
    await form.getByLabel("Email").fill(NEW_AGENT.email);
    await form.getByLabel("Role").selectOption("AGENT");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Add staff member" }).click();
    await expect(form.getByText("Use at least 8 characters")).toBeVisible();
    await form.getByLabel("Initial password").fill(NEW_AGENT.password);
    await form.getByRole("button", { name: "Add staff member" }).click();
    await expect(form.getByRole("status")).toContainText(`Added ${NEW_AGENT.name}`);
    const row = page.getByTestId(`staff-${NEW_AGENT.email}`);
    await expect(row).toContainText("Active");

    // She signs in through the real form and is turned away from settings.
    const context = await browser.newContext();
    const tess = await context.newPage();
    await tess.goto("/sign-in");
    await tess.getByLabel("Email").fill(NEW_AGENT.email);
    await tess.getByLabel("Password").fill(NEW_AGENT.password);
    await tess.getByRole("button", { name: "Sign in" }).click();
    await expect(tess).toHaveURL(/\/inbox/);
    await tess.goto("/settings/team");
    await expect(tess.getByRole("heading", { name: "Settings are for admins" })).toBeVisible();
    expect((await tess.request.get("/api/settings/users")).status()).toBe(403);

    // The last admin is protected, whatever the UI allows to click.
    const self = page.getByTestId("staff-admin@example.com");
    await self.getByRole("button", { name: "Disable" }).click();
    await expect(self.getByRole("alert")).toContainText("last active admin");

    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row).toContainText("Disabled");
    // The refusal was about the earlier click: the next action clears it.
    await expect(self.getByRole("alert")).toHaveCount(0);
    await tess.reload();
    await expect(tess).toHaveURL(/\/sign-in/);
    await context.close();

    await row.getByRole("button", { name: "Re-enable" }).click();
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: "Reset password" }).click();
    await row.getByLabel("New password", { exact: true }).fill("tess-password-2");
    await row.getByRole("button", { name: "Set" }).click();
    await expect(row.getByRole("status")).toContainText("Password reset");
    await expect(page.getByTestId("audit-trail")).toContainText(`reset the password of ${NEW_AGENT.name} (${NEW_AGENT.email})`);
    await expect(page.getByTestId("audit-trail")).toContainText(`disabled ${NEW_AGENT.name} (${NEW_AGENT.email})`);
    await page.screenshot({ path: testInfo.outputPath("settings-team.png"), fullPage: true });
    await testInfo.attach("settings-team", { path: testInfo.outputPath("settings-team.png"), contentType: "image/png" });
  });

  test("an admin limits agents to their own and unassigned conversations and sets the currency of new leads", async ({ adminPage: page }, testInfo) => {
    await page.goto("/settings/team");
    const card = page.getByRole("form", { name: "Team settings" });
    await expect(card.getByLabel("Agents see")).toHaveValue("ALL");
    await card.getByLabel("Currency of new leads").fill("EUO");
    await card.getByRole("button", { name: "Save team settings" }).click();
    await expect(card.getByText("Use an ISO 4217 currency code")).toBeVisible();

    await card.getByLabel("Agents see").selectOption("OWN_AND_UNASSIGNED");
    await card.getByLabel("Currency of new leads").fill("brl");
    await card.getByRole("button", { name: "Save team settings" }).click();
    await expect(card.getByRole("status")).toContainText("Saved");
    await expect(page.getByTestId("audit-trail")).toContainText("changed team settings");
    await testInfo.attach("team-settings", { body: await card.screenshot(), contentType: "image/png" });

    await page.reload();
    await expect(card.getByLabel("Agents see")).toHaveValue("OWN_AND_UNASSIGNED");
    await expect(card.getByLabel("Currency of new leads")).toHaveValue("BRL");
    // Back to the defaults the other specs expect.
    await card.getByLabel("Agents see").selectOption("ALL");
    await card.getByLabel("Currency of new leads").fill("EUR");
    await card.getByRole("button", { name: "Save team settings" }).click();
    await expect(card.getByRole("status")).toContainText("Saved");
  });
});
