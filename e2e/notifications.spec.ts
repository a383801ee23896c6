import type { Page, TestInfo } from "@playwright/test";
import { instagramText } from "../scripts/meta-sim/payloads";
import { deliverWebhook } from "./deliver-webhook";
import { E2E_AGENT } from "./e2e-env";
import { conversationIdFor } from "./conversation-id";
import { expect, signedInPage, test } from "./fixtures";

/**
 * Issue 18: a customer's message raises a browser notification while the tab is hidden, clicking
 * it opens the conversation, the tab's title carries the unread count, and each person sets their
 * own notification level, sound and Away.
 */

const run = Date.now().toString().slice(-6);

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

type Recorded = { title: string; body?: string; tag?: string };

/** Records every notification the page constructs (then shows it for real) so the test can see and click it. */
function recordNotifications() {
  const Real = window.Notification;
  const shown: Array<Recorded & { instance: Notification }> = [];
  class Recording extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push({ title, body: options?.body, tag: options?.tag, instance: this });
    }
  }
  Object.assign(window, { Notification: Recording, __notifications: shown });
}

test.describe.configure({ mode: "serial" });

test("a customer's message notifies while the tab is hidden, the title counts unread, a click opens it", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, E2E_AGENT, { permissions: ["notifications"] });
  await page.addInitScript(recordNotifications);
  await page.goto("/inbox");
  await expect(page.getByTestId("inbox")).toHaveAttribute("data-live", "true");
  await expect(page.getByTestId("notification-center")).toHaveAttribute("data-listening", "true");
  // Granted already: no prompt.
  await expect(page.getByTestId("enable-notifications")).toHaveCount(0);

  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  const text = `Is the walnut desk still for sale? ${run}`;
  await deliverWebhook("instagram", instagramText({ senderId: `78${run}00000181`.slice(0, 16), text }));

  await expect.poll(() => page.evaluate(() => (window as unknown as { __notifications: Recorded[] }).__notifications.map(({ body }) => body))).toContain(text);
  const conversationId = await conversationIdFor(page, text);
  const notification = await page.evaluate(
    (body) => (window as unknown as { __notifications: Recorded[] }).__notifications.map(({ title, body, tag }) => ({ title, body, tag })).find((shown) => shown.body === body),
    text,
  );
  expect(notification?.tag).toBe(conversationId);
  await expect(page).toHaveTitle(/^\(\d+\) /);

  await page.evaluate(
    (tag) => {
      const shown = (window as unknown as { __notifications: Array<Recorded & { instance: Notification }> }).__notifications.find((entry) => entry.tag === tag)!;
      shown.instance.onclick?.(new Event("click"));
    },
    conversationId,
  );
  await expect(page).toHaveURL(new RegExp(`[?&]c=${conversationId}`));
  await expect(page.getByTestId("thread-title")).toBeVisible();
  await shoot(page, testInfo, "notification-opened-conversation");
  await page.context().close();
});

test("no notification for the conversation on screen in a visible tab", async ({ browser }) => {
  const page = await signedInPage(browser, E2E_AGENT, { permissions: ["notifications"] });
  await page.addInitScript(recordNotifications);
  const sender = `78${run}00000182`.slice(0, 16);
  const first = `First question ${run}`;
  await deliverWebhook("instagram", instagramText({ senderId: sender, text: first }));
  const conversationId = await conversationIdFor(page, first);
  await page.goto(`/inbox?c=${conversationId}`);
  await expect(page.getByTestId("notification-center")).toHaveAttribute("data-listening", "true");
  const second = `Second question ${run}`;
  await deliverWebhook("instagram", instagramText({ senderId: sender, text: second }));
  await expect(page.getByText(second).first()).toBeVisible();
  // The message is on screen; give a (wrong) notification the time it would take.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __notifications: Recorded[] }).__notifications.length)).toBe(0);
  await page.context().close();
});

test("each person sets their notification level, sound and Away", async ({ agentPage: page }, testInfo) => {
  await page.goto("/account");
  await page.getByRole("link", { name: "Change your preferences" }).click();
  await expect(page.getByRole("heading", { name: "Notifications and away" })).toBeVisible();
  const mine = page.getByRole("radio", { name: /Mine and unassigned/ });
  await expect(mine).toBeChecked();

  await page.getByRole("radio", { name: /All new messages/ }).check();
  await expect(page.getByRole("status")).toHaveText("Saved");
  await page.getByRole("checkbox", { name: "Play a sound with each notification" }).uncheck();
  await expect(page.getByRole("status")).toHaveText("Saved");
  await page.getByTestId("away-toggle").check();
  await expect(page.getByText("You are away")).toBeVisible();
  await shoot(page, testInfo, "notification-preferences");

  await page.reload();
  await expect(page.getByRole("radio", { name: /All new messages/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Play a sound with each notification" })).not.toBeChecked();
  await expect(page.getByTestId("away-toggle")).toBeChecked();

  // Back to the defaults for the specs that follow.
  await mine.check();
  await expect(page.getByRole("status")).toHaveText("Saved");
  await page.getByRole("checkbox", { name: "Play a sound with each notification" }).check();
  await expect(page.getByRole("status")).toHaveText("Saved");
  await page.getByTestId("away-toggle").uncheck();
  await expect(page.getByText("While away")).toBeVisible();
});

test.describe("installable", () => {
  // Offline, the browser reports the requests it can't make (the live stream's reconnects) as errors.
  test.use({ allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });

  test("the app is installable: manifest, icons and a service worker with an offline page", async ({ agentPage: page }) => {
    await page.goto("/inbox");
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await page.request.get(manifestHref!)).json();
    expect(manifest).toMatchObject({ start_url: "/inbox", display: "standalone" });
    for (const icon of manifest.icons as { src: string }[]) expect((await page.request.get(icon.src)).headers()["content-type"]).toBe("image/png");
    const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
    expect(["activating", "activated"]).toContain(state);

    await expect.poll(() => page.evaluate(async () => Boolean(await caches.match("/offline")))).toBe(true);
    await page.context().setOffline(true);
    await page.goto("/leads").catch(() => {});
    await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
    await page.context().setOffline(false);
  });
});
