// Webhook received → browser notification shown, next to webhook → SSE event for the same
// deliveries: a real Chromium tab (hidden, notifications granted) running the app's own
// notification code, and the benchmark's SSE client, both timed from the moment before the POST.
import { chromium } from "@playwright/test";
import { instagramText, postWebhook } from "../meta-sim/payloads";
import { TEST_ADMIN } from "../../tests/helpers/app";
import { appSecretFor } from "./channel-env";
import { openSse } from "./sse-client";

export interface NotificationLatency {
  sse: number[];
  notification: number[];
}

const isMessageCreated = (event: unknown) =>
  typeof event === "object" && event !== null && (event as { type?: unknown }).type === "message.created";

/**
 * In the page: every notification's construction time (epoch ms, the same clock as the benchmark's),
 * and a hidden tab. A string, not a function: tsx's transform would add helpers the page lacks.
 */
const RECORD_NOTIFICATION_TIMES = `
  const Real = window.Notification;
  const shownAt = [];
  window.__shownAt = shownAt;
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      shownAt.push(Date.now());
    }
  };
  document.addEventListener("DOMContentLoaded", () => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
  });
`;

export async function benchNotificationLatency(appUrl: string, cookie: string, samples: number): Promise<NotificationLatency> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  const stream = await openSse(`${appUrl}/api/inbox/events`, cookie);
  try {
    const context = await browser.newContext({ baseURL: appUrl, permissions: ["notifications"] });
    const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
    await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: TEST_ADMIN.email, password: TEST_ADMIN.password, json: "true" } });
    const page = await context.newPage();
    await page.addInitScript(RECORD_NOTIFICATION_TIMES);
    await page.goto("/inbox");
    await page.locator('[data-testid="notification-center"][data-listening="true"]').waitFor({ state: "attached" });
    const shownCount = () => page.evaluate(() => (window as unknown as { __shownAt: number[] }).__shownAt.length);

    const result: NotificationLatency = { sse: [], notification: [] };
    for (let i = 0; i < samples; i++) {
      const before = await shownCount();
      // A customer per sample: each conversation is new and unassigned, so the admin's default level notifies.
      const payload = instagramText({ senderId: `7${String(i).padStart(15, "0")}`, text: `Notify ${i}` });
      const started = Date.now();
      const response = await postWebhook({ appUrl, channel: "instagram", payload, appSecret: appSecretFor("instagram") });
      if (response.status !== 200) throw new Error(`Webhook answered HTTP ${response.status}`);
      await stream.next(isMessageCreated, 5_000);
      result.sse.push(Date.now() - started);
      await page.waitForFunction((count) => (window as unknown as { __shownAt: number[] }).__shownAt.length > count, before, { timeout: 5_000, polling: 5 });
      const shownAt = await page.evaluate(() => (window as unknown as { __shownAt: number[] }).__shownAt.at(-1)!);
      result.notification.push(shownAt - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return result;
  } finally {
    stream.close();
    await browser.close();
  }
}
