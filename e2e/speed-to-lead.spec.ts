import type { Page, TestInfo } from "@playwright/test";
import { whatsappText } from "../scripts/meta-sim/payloads";
import { conversationIdFor } from "./conversation-id";
import { deliverWebhook } from "./deliver-webhook";
import { expect, test } from "./fixtures";

/**
 * Issue 18, waiting time: with a one-minute SLA, a customer who wrote three minutes ago shows a red
 * "waiting 3 min" on their row and in the thread header; the "Waiting longest" sort lists them; a
 * reply ends the wait and the badge goes.
 */

const run = Date.now().toString().slice(-6);
const WA_LATE = `35197${run}1`;

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

async function saveTarget(page: Page, minutes: number) {
  await page.goto("/settings/speed-to-lead");
  await page.getByLabel("First-response target (minutes)").fill(String(minutes));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
}

test.describe.configure({ mode: "serial" });


test("the waiting badge turns red past a short SLA, the list sorts by waiting, and a reply ends the wait", async ({ adminPage, agentPage }, testInfo) => {
  await saveTarget(adminPage, 1);
  await shoot(adminPage, testInfo, "settings-speed-to-lead");

  await deliverWebhook("whatsapp", whatsappText({ from: WA_LATE, name: `Rita Espera ${run}`, text: `Still there? ${run}`, timestamp: Date.now() - 3 * 60_000 }));
  const id = await conversationIdFor(agentPage, `Rita Espera ${run}`);

  await agentPage.goto("/inbox?sort=waiting");
  await expect(agentPage.getByTestId("inbox")).toHaveAttribute("data-live", "true");
  await expect(agentPage.getByLabel("Sort")).toHaveValue("waiting");
  const row = agentPage.locator(`[data-conversation-id="${id}"]`);
  const badge = row.getByTestId("waiting-badge");
  await expect(badge).toHaveAttribute("data-level", "breach");
  await expect(badge).toHaveText(/waiting [34] min/);
  await expect(badge).toHaveClass(/bg-red-100/);
  await shoot(agentPage, testInfo, "inbox-waiting-badge-red");

  await row.click();
  const header = agentPage.locator("header").filter({ has: agentPage.getByTestId("thread-title") });
  await expect(header.getByTestId("waiting-badge")).toHaveAttribute("data-level", "breach");
  await agentPage.getByLabel("Reply", { exact: true }).fill(`Yes, sorry for the wait ${run}`);
  await agentPage.getByLabel("Reply", { exact: true }).press("Enter");
  await expect(header.getByTestId("waiting-badge")).toHaveCount(0);
  await expect(row.getByTestId("waiting-badge")).toHaveCount(0);
  await shoot(agentPage, testInfo, "wait-ended-by-reply");

  await saveTarget(adminPage, 15);
});
