import type { Page, TestInfo } from "@playwright/test";
import { instagramText } from "../scripts/meta-sim/payloads";
import { conversationIdFor } from "./conversation-id";
import { deliverWebhook } from "./deliver-webhook";
import { expect, test } from "./fixtures";

/**
 * Issue 15, collision detection: two signed-in browsers (admin and agent) on one conversation see
 * each other viewing and typing, and a reply the admin sends while the agent composes makes the
 * agent's composer ask before sending.
 */

const run = Date.now().toString().slice(-6);
const CUSTOMER = `78${run}00000015`.slice(0, 16);

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

/** The thread is live (SSE connected) and hydrated, so typing reaches React. */
async function openThread(page: Page, conversationId: string) {
  await page.goto(`/inbox?c=${conversationId}`);
  await expect(page.getByTestId("inbox")).toHaveAttribute("data-live", "true");
  await expect(page.getByTestId("window-hint")).toBeVisible();
}

test("two teammates see each other typing, and a reply sent meanwhile asks before sending", async ({ adminPage, agentPage }, testInfo) => {
  // Two browsers on a shared two-core machine.
  test.setTimeout(60_000);
  await deliverWebhook("instagram", instagramText({ senderId: CUSTOMER, text: `Do you deliver to Porto? ${run}` }));
  const conversationId = await conversationIdFor(adminPage, `deliver to Porto? ${run}`);

  await openThread(agentPage, conversationId);
  await openThread(adminPage, conversationId);
  await expect(agentPage.getByTestId("thread-presence")).toHaveText(/Ada Admin is viewing/);
  await expect(adminPage.getByTestId("thread-presence")).toHaveText(/Alex Agent is viewing/);

  // The agent starts a reply: the admin sees it live.
  const agentComposer = agentPage.getByLabel("Reply", { exact: true });
  await agentComposer.pressSequentially("Yes, we deliver all over Port");
  await expect(adminPage.getByTestId("thread-presence")).toHaveText(/Alex Agent is typing…/);
  await shoot(adminPage, testInfo, "teammate-typing");

  // The admin answers first.
  const adminComposer = adminPage.getByLabel("Reply", { exact: true });
  await adminComposer.fill(`We do! Delivery takes 3 days. ${run}`);
  await expect(agentPage.getByTestId("thread-presence")).toHaveText(/Ada Admin is typing…/);
  await adminComposer.press("Enter");
  await expect(agentPage.getByTestId("thread").getByText(`We do! Delivery takes 3 days. ${run}`)).toBeVisible();

  // The agent's send now asks first; "Don't send" keeps the draft.
  await agentComposer.press("Enter");
  const warning = agentPage.getByTestId("teammate-replied");
  await expect(warning).toContainText(/Ada Admin replied \d+ s ago — send anyway\?/);
  await shoot(agentPage, testInfo, "send-anyway-warning");
  await warning.getByRole("button", { name: "Don't send" }).click();
  await expect(warning).toHaveCount(0);
  await expect(agentComposer).toHaveValue("Yes, we deliver all over Port");

  // Asked again only for a newer reply: now it sends at once.
  await agentComposer.pressSequentially("o too.");
  await agentComposer.press("Enter");
  await expect(agentPage.getByTestId("thread").getByText("Yes, we deliver all over Porto too.")).toBeVisible();
  await expect(agentPage.getByTestId("teammate-replied")).toHaveCount(0);

  // Closing the tab is seen at once by the teammate.
  await agentPage.close();
  await expect(adminPage.getByTestId("thread-presence")).not.toHaveText(/Alex Agent/);
});
