import { generate } from "otplib";
import { expect, test } from "./fixtures";
import { E2E_AGENT } from "./e2e-env";

/**
 * Two-factor sign-in in the browser: an agent turns it on from the Account page with an
 * authenticator code, then signs in with password and code, and with a recovery code.
 */

// Signing in with the password alone is answered 401 "code required" (next-auth's credentials
// callback), which the browser logs: expected here.
test.use({ allowedConsoleErrors: [/status of 401 .*\/api\/auth\/callback\/credentials/] });

const codeAt = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

test("an agent sets up two-factor sign-in and signs in with a code, then with a recovery code", async ({ agentPage, page }) => {
  await agentPage.goto("/inbox");
  await agentPage.getByRole("link", { name: "Account" }).click();
  await expect(agentPage.getByTestId("two-factor-status")).toContainText("off");
  await agentPage.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await agentPage.getByTestId("two-factor-secret").textContent())!.trim();
  await agentPage.getByLabel("Code from the app").fill(await codeAt(secret));
  await agentPage.getByRole("button", { name: "Turn on", exact: true }).click();
  const codes = agentPage.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const [recoveryCode, anotherRecoveryCode] = [(await codes.nth(0).textContent())!.trim(), (await codes.nth(1).textContent())!.trim()];
  await expect(agentPage.getByTestId("two-factor-status")).toContainText("on. 10 recovery codes left");

  // A fresh browser: the password alone is not enough.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_AGENT.email);
  await page.getByLabel("Password").fill(E2E_AGENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill(await codeAt(secret, 1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId("current-user")).toContainText(E2E_AGENT.name);

  const other = await page.context().browser()!.newContext();
  const second = await other.newPage();
  await second.goto("/sign-in");
  await second.getByLabel("Email").fill(E2E_AGENT.email);
  await second.getByLabel("Password").fill(E2E_AGENT.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await second.getByLabel("Authentication code").fill(recoveryCode);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).toHaveURL(/\/inbox/);
  await other.close();

  // Turned off again, so the rest of the suite signs this agent in with a password alone.
  await agentPage.reload();
  await agentPage.getByLabel("Code (or a recovery code) to turn it off").fill(anotherRecoveryCode);
  await agentPage.getByRole("button", { name: "Turn off" }).click();
  await expect(agentPage.getByTestId("two-factor-status")).toContainText("off");
});
