import { postWebhook, waIdFor } from "../scripts/meta-sim/payloads";
import { whatsappOddBatch } from "../scripts/meta-sim/odd-payloads";
import { conversationIdFor } from "./conversation-id";
import { E2E_APP_URL, E2E_CHANNEL_ENV } from "./e2e-env";
import { expect, test } from "./fixtures";

// A delivery shaped the way Meta's sometimes are (issue 22): the valid items reach the inbox, the
// order we can't show is a message whose raw JSON staff can open, and the item without a sender is
// listed on the partial event, which Replay re-runs alone.
test("an odd delivery: the thread shows what it can't render, the event log lists the failed item and replays it", async ({ adminPage: page }, testInfo) => {
  const run = Date.now().toString(36);
  const name = `Odd Olivia ${run}`;
  const res = await postWebhook({
    appUrl: E2E_APP_URL,
    channel: "whatsapp",
    payload: whatsappOddBatch({ from: waIdFor(`odd.${run}`), name, text: `Two chairs please ${run}`, timestamp: Date.now(), phoneNumberId: E2E_CHANNEL_ENV.WHATSAPP_PHONE_NUMBER_ID }),
    appSecret: E2E_CHANNEL_ENV.WHATSAPP_APP_SECRET,
  });
  expect(res.status).toBe(200);
  const { eventId } = (await res.json()) as { eventId: string };

  const id = await conversationIdFor(page, name);
  await page.goto(`/inbox?c=${id}`);
  await expect(page.getByLabel("Reply", { exact: true })).toBeVisible();
  await expect(page.getByTestId("message").filter({ hasText: `Two chairs please ${run}` })).toBeVisible();
  const order = page.getByTestId("message").filter({ hasText: "can't show yet (order)" });
  await expect(order).toBeVisible();
  await order.getByText("Show what Meta sent").click();
  await expect(order.getByTestId("unsupported-content")).toContainText('"type": "order"');
  await page.screenshot({ path: testInfo.outputPath("unsupported-message.png") });
  await testInfo.attach("unsupported-message", { path: testInfo.outputPath("unsupported-message.png"), contentType: "image/png" });

  await page.goto("/settings/events");
  await page.getByLabel("Status").selectOption("PARTIAL");
  const event = page.getByTestId(`event-${eventId}`);
  await expect(event.getByTestId("event-status")).toHaveText("PARTIAL");
  await expect(event.getByTestId("event-failed-count")).toHaveText("1 of 5 items failed");
  await event.locator("summary").click();
  await expect(event.getByTestId("event-failed-items")).toContainText("entry.0.changes.0.value.messages.3");
  await expect(event.getByTestId("event-failed-items")).toContainText("needs from or from_user_id");
  await expect(event.getByTestId("event-unreadable-items")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("partial-event.png"), fullPage: true });
  await testInfo.attach("partial-event", { path: testInfo.outputPath("partial-event.png"), contentType: "image/png" });
  await event.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByTestId("replay-outcome")).toContainText("Replayed; some items failed again");
});
