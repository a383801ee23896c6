import { execFileSync } from "node:child_process";
import path from "node:path";
import { instagramText, postWebhook } from "../scripts/meta-sim/payloads";
import { E2E_APP_URL, E2E_CHANNEL_ENV } from "./e2e-env";
import { expect, test } from "./fixtures";

// The e2e app's database (see playwright.config.ts); the seed script writes to it directly.
const ROOT = path.resolve(import.meta.dirname, "..");
function seedEvents(rows: object[]): string[] {
  const out = execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["e2e/seed-event-log.ts", JSON.stringify(rows)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: "file:./.e2e-data/inbox.db", DATA_DIR: ".e2e-data" },
  });
  return out.toString().trim().split("\n");
}

test.describe("settings: webhook events", () => {
  test("an admin filters the log, reads a failed event's body and error", async ({ adminPage: page }, testInfo) => {
    // No sender: an item nobody's thread can take, so replaying it fails again.
    const body = { object: "instagram", entry: [{ id: "17841400000000001", time: 1732230000, messaging: [{ recipient: { id: "17841400000000001" }, message: { mid: "m.nobody", text: "?" } }] }] };
    const [failedId] = seedEvents([
      { source: "instagram", status: "FAILED", rawBody: JSON.stringify(body), error: "WebhookPayloadError: messaging[0] has no message", minutesAgo: 5 },
      { source: "whatsapp", status: "PROCESSED", rawBody: JSON.stringify({ object: "whatsapp_business_account", entry: [] }), minutesAgo: 3 },
      { source: "whatsapp", status: "IGNORED", rawBody: JSON.stringify({ object: "whatsapp_business_account", entry: [] }), minutesAgo: 1 },
    ]);

    await page.goto("/settings/events");
    await expect(page.getByTestId("received-24h")).not.toHaveText("0");
    await expect(page.getByTestId("failed-24h")).not.toHaveText("0");
    await page.getByLabel("Status").selectOption("FAILED");
    await page.getByLabel("Channel").selectOption("instagram");
    const event = page.getByTestId(`event-${failedId}`);
    await expect(event).toBeVisible();
    for (const status of await page.getByRole("list", { name: "Webhook events" }).locator("> li").getByTestId("event-status").allTextContents()) {
      expect(status).toBe("FAILED");
    }
    await event.locator("summary").click();
    await expect(event.getByTestId("event-raw-body")).toContainText('"object": "instagram"');
    await expect(event.getByText("WebhookPayloadError: messaging[0] has no message").first()).toBeVisible();
    await expect(event.getByRole("button", { name: "Replay" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("settings-events.png"), fullPage: true });
    await testInfo.attach("settings-events", { path: testInfo.outputPath("settings-events.png"), contentType: "image/png" });
  });

  test("an admin replays an ignored delivery once its sender is unblocked, and a failed one again", async ({ adminPage: page }) => {
    const sender = "7100000000000077";
    expect((await page.request.post("/api/settings/blocklist", { data: { channel: "INSTAGRAM", identifier: sender } })).status()).toBe(201);
    const delivered = await postWebhook({
      appUrl: E2E_APP_URL,
      channel: "instagram",
      payload: instagramText({ senderId: sender, accountId: E2E_CHANNEL_ENV.INSTAGRAM_PAGE_ID, text: "Do you ship to Lisbon?" }),
      appSecret: E2E_CHANNEL_ENV.INSTAGRAM_APP_SECRET,
    });
    expect(delivered.status).toBe(200);
    const { eventId } = (await delivered.json()) as { eventId: string };
    expect((await page.request.delete(`/api/settings/blocklist/INSTAGRAM/${sender}`)).status()).toBe(200);

    await page.goto("/settings/events");
    await page.getByLabel("Status").selectOption("IGNORED");
    const ignored = page.getByTestId(`event-${eventId}`);
    await expect(ignored).toBeVisible();
    // Each row says whose event it is and what kind, with the channel spelled as people do.
    await expect(ignored.getByTestId("event-sender")).toHaveText(`from ${sender}`);
    await expect(ignored.getByTestId("event-type")).toHaveText("message");
    await expect(ignored.locator("summary")).toContainText("Instagram");
    await ignored.getByRole("button", { name: "Replay" }).click();
    await expect(page.getByTestId("replay-outcome").getByRole("status")).toHaveText("Replayed: processed");
    await expect(page.getByTestId("audit-trail")).toContainText(`replayed event Instagram message from ${sender}: processed`);
    const inbox = await page.request.get("/api/inbox/conversations");
    expect(await inbox.text()).toContain("Do you ship to Lisbon?");

    await page.getByLabel("Status").selectOption("FAILED");
    const failed = page.getByRole("list", { name: "Webhook events" }).locator("> li").first();
    await failed.getByRole("button", { name: "Replay" }).click();
    await expect(page.getByTestId("replay-outcome").getByRole("alert")).toContainText("Replayed; failed again");
  });
});
