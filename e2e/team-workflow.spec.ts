import type { Page, TestInfo } from "@playwright/test";
import { instagramText, postWebhook } from "../scripts/meta-sim/payloads";
import { E2E_CHANNEL_ENV, E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { conversationIdFor } from "./conversation-id";
import { expect, test } from "./fixtures";

/**
 * Issue 17: the team works together in the thread. A private note with an @mention reaches the
 * teammate live (two browsers) and never Meta; labels are made, put on a conversation by keyboard
 * and filter the list; a conversation is snoozed out of Open and woken again.
 */

const run = Date.now().toString().slice(-6);
const CUSTOMER = `79${run}00000017`.slice(0, 16);
const OTHER = `79${run}00000018`.slice(0, 16);

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

async function deliver(payload: unknown) {
  const res = await postWebhook({ appUrl: test.info().project.use.baseURL!, channel: "instagram", payload, appSecret: E2E_CHANNEL_ENV.INSTAGRAM_APP_SECRET });
  expect(res.status).toBe(200);
}

test.describe.configure({ mode: "serial" });

let conversationId: string;
let otherId: string;

test.beforeAll(async () => {
  await deliver(instagramText({ senderId: CUSTOMER, text: `Can someone call me about the oak table? ${run}` }));
  await deliver(instagramText({ senderId: OTHER, text: `Just browsing ${run}` }));
});

test("a note with an @mention reaches the teammate live and never Meta", async ({ adminPage, agentPage }, testInfo) => {
  conversationId = await conversationIdFor(adminPage, `oak table? ${run}`);
  otherId = await conversationIdFor(adminPage, `Just browsing ${run}`);

  await agentPage.goto("/inbox");
  const bell = agentPage.getByTestId("mentions-bell");
  await expect(bell).toBeVisible();
  const before = Number((await agentPage.getByTestId("mentions-count").textContent({ timeout: 1_000 }).catch(() => "0")) ?? "0");

  await adminPage.goto(`/inbox?c=${conversationId}`);
  await adminPage.getByRole("tab", { name: "Note" }).click();
  const note = adminPage.getByTestId("note-composer");
  await note.fill(`Please call her @Ale`);
  await adminPage.getByRole("option", { name: "@Alex Agent" }).click();
  await note.pressSequentially(`today ${run}`);
  await shoot(adminPage, testInfo, "note-mention-autocomplete");
  await note.press("Enter");
  const stored = adminPage.getByTestId("note").filter({ hasText: `today ${run}` });
  await expect(stored).toContainText("Private note");
  await expect(stored).toContainText("@Alex Agent");
  await shoot(adminPage, testInfo, "note-in-thread");

  // Live over the SSE stream: no reload on the teammate's side.
  await expect(agentPage.getByTestId("mentions-count")).toHaveText(String(before + 1));
  await bell.click();
  await shoot(agentPage, testInfo, "mentions-list");
  await agentPage.getByTestId("mention").filter({ hasText: `today ${run}` }).click();
  await expect(agentPage).toHaveURL(new RegExp(`c=${conversationId}`));
  await expect(agentPage.getByTestId("note").filter({ hasText: `today ${run}` })).toBeFocused();
  if (before === 0) await expect(agentPage.getByTestId("mentions-count")).toHaveCount(0);
  else await expect(agentPage.getByTestId("mentions-count")).toHaveText(String(before));
  await shoot(agentPage, testInfo, "mention-opened-at-note");

  const sends = (await (await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/requests`)).json()) as unknown[];
  expect(JSON.stringify(sends)).not.toContain(`today ${run}`);
});

test("an admin makes a label, an agent puts it on by keyboard, and the list filters by it", async ({ adminPage, agentPage }, testInfo) => {
  const name = `VIP ${run}`;
  await adminPage.goto("/settings/labels");
  await adminPage.getByLabel("Name").fill(name);
  await adminPage.getByRole("button", { name: "Add label" }).click();
  await expect(adminPage.getByRole("status")).toContainText(`Added “${name}”`);
  await shoot(adminPage, testInfo, "settings-labels");

  await agentPage.goto(`/inbox?c=${conversationId}`);
  await expect(agentPage.getByTestId("thread-title")).toBeVisible();
  // The shortcut listens once the inbox has hydrated; the server-rendered title shows before that.
  await expect(agentPage.getByTestId("inbox")).toHaveAttribute("data-live", "true");
  await agentPage.locator("body").press("l");
  const picker = agentPage.getByRole("dialog", { name: "Labels" });
  await picker.getByLabel(name).check();
  await expect(agentPage.locator("header").getByTestId("label-chip").filter({ hasText: name })).toBeVisible();
  await agentPage.keyboard.press("Escape");
  const row = agentPage.locator(`[data-conversation-id="${conversationId}"]`);
  await expect(row.getByTestId("label-chip")).toHaveText(name);
  await shoot(agentPage, testInfo, "label-on-conversation");

  await agentPage.getByLabel("Label", { exact: true }).selectOption({ label: name });
  await expect(agentPage).toHaveURL(/label=/);
  await expect(agentPage.getByTestId("conversation-item")).toHaveCount(1);
  await expect(row).toBeVisible();
  await expect(agentPage.locator(`[data-conversation-id="${otherId}"]`)).toHaveCount(0);
  await shoot(agentPage, testInfo, "list-filtered-by-label");
});

test("snoozing moves a conversation from Open to Snoozed until it is woken", async ({ agentPage }, testInfo) => {
  await agentPage.goto(`/inbox?c=${conversationId}`);
  const row = agentPage.locator(`[data-conversation-id="${conversationId}"]`);
  await expect(row).toBeVisible();
  await agentPage.locator("body").press("z");
  await agentPage.getByRole("dialog", { name: "Snooze" }).getByRole("button", { name: "Tomorrow 9:00" }).click();
  await expect(agentPage.getByTestId("snoozed-until")).toContainText("Snoozed until");
  await expect(row).toHaveCount(0);
  await shoot(agentPage, testInfo, "snoozed-out-of-open");

  await agentPage.getByLabel("View").selectOption("snoozed");
  await expect(row).toBeVisible();
  await shoot(agentPage, testInfo, "snoozed-view");
  await agentPage.getByRole("button", { name: "Wake now" }).click();
  await expect(row).toHaveCount(0);
  await agentPage.getByLabel("View").selectOption("open");
  await expect(row).toBeVisible();
});
