import { expect, test } from "./fixtures";

test.describe("settings: blocklist", () => {
  // Blocking an @username nobody wrote from answers 404 on purpose, which Chromium logs.
  test.use({ allowedConsoleErrors: [/status of 404 .*\/api\/settings\/blocklist\b/] });
  test("an admin blocks and unblocks a WhatsApp number and an Instagram id", async ({ adminPage: page }, testInfo) => {
    await page.goto("/settings/blocklist");
    await expect(page.getByText("Nobody is blocked.")).toBeVisible();
    const form = page.getByRole("form", { name: "Block a contact" });

    await form.getByLabel("Channel").selectOption("WHATSAPP");
    await form.getByLabel("Id, @username or phone").fill("+44 7700 900123");
    await form.getByLabel("Reason (optional)").fill("Spam offers");
    await form.getByRole("button", { name: "Block" }).click();
    await expect(form.getByRole("status")).toContainText("Blocked");
    const number = page.getByTestId("blocked-447700900123");
    await expect(number).toContainText("WhatsApp");
    await expect(number).toContainText("Spam offers");

    await form.getByLabel("Channel").selectOption("INSTAGRAM");
    await form.getByLabel("Id, @username or phone").fill("@never.wrote");
    await form.getByRole("button", { name: "Block" }).click();
    await expect(form.getByRole("alert")).toContainText("No Instagram contact @never.wrote");

    await form.getByLabel("Id, @username or phone").fill("1789000000000042");
    await form.getByRole("button", { name: "Block" }).click();
    await expect(page.getByTestId("blocked-1789000000000042")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("settings-blocklist.png"), fullPage: true });
    await testInfo.attach("settings-blocklist", { path: testInfo.outputPath("settings-blocklist.png"), contentType: "image/png" });

    await number.getByRole("button", { name: "Unblock" }).click();
    await expect(number).toHaveCount(0);
    await page.getByTestId("blocked-1789000000000042").getByRole("button", { name: "Unblock" }).click();
    await expect(page.getByText("Nobody is blocked.")).toBeVisible();
    await expect(page.getByTestId("audit-trail")).toContainText("unblocked WhatsApp 447700900123");
  });
});
