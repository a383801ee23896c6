import type { Page, TestInfo } from "@playwright/test";
import { instagramText, whatsappMedia, whatsappText } from "../scripts/meta-sim/payloads";
import { E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { deliverWebhook } from "./deliver-webhook";
import { conversationIdFor } from "./conversation-id";
import { expect, test } from "./fixtures";

/**
 * Issue 19: the inbox as a new salesperson meets it in the first hour. Each test here failed on
 * the main branch before its fix. The shared fixture fails any test that logs a console error, so
 * a hydration mismatch (React #418) anywhere on these screens fails it too.
 */

const run = Date.now().toString().slice(-6);
const WA_NUMBER = `35196${run}1`;
const WA_OTHER = `35196${run}2`;
const IG_SENDER = `78${run}00000001`.slice(0, 16);

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}


async function sentBodies(to: string): Promise<string[]> {
  const sends = (await (await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/requests?pathIncludes=/messages`)).json()) as { body: { to?: string; text?: { body: string } } }[];
  return sends.filter((request) => request.body?.to === to && request.body.text).map((request) => request.body.text!.body);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await deliverWebhook("whatsapp", whatsappText({ from: WA_NUMBER, name: `Joao Hora ${run}`, text: `Do you deliver to Braga? ${run}` }));
  await deliverWebhook("whatsapp", whatsappText({ from: WA_OTHER, name: `Marta Outra ${run}`, text: `Second customer here ${run}` }));
  await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/profiles`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: IG_SENDER, profile: { name: `Ines Insta ${run}`, username: `ines.insta.${run}` } }),
  });
  await deliverWebhook("instagram", instagramText({ senderId: IG_SENDER, text: `Is the lamp back in stock? ${run}` }));
});

test.describe("in a browser whose time zone and locale are not the server's", () => {
  test.use({ timezoneId: "Asia/Kolkata", locale: "pt-PT" });

  test("the inbox hydrates without errors and shows the browser's local times", async ({ agentPage: page }, testInfo) => {
    const id = await conversationIdFor(page, `Joao Hora ${run}`);
    await page.goto(`/inbox?c=${id}`);
    await expect(page.getByLabel("Reply", { exact: true })).toBeVisible();
    const message = page.getByTestId("message").filter({ hasText: `Do you deliver to Braga? ${run}` });
    const shown = await message.locator("time").getAttribute("datetime");
    const expected = new Date(shown!).toLocaleTimeString("pt-PT", { timeZone: "Asia/Kolkata", hour: "2-digit", minute: "2-digit" });
    await expect(message.locator("time")).toHaveText(expected);
    await expect(page.getByRole("separator", { name: "Today" })).toBeVisible();
    await shoot(page, testInfo, "thread-in-another-time-zone");
  });

  test("relative times hydrate when the browser's clock is minutes ahead of the server's", async ({ agentPage: page }) => {
    await page.clock.install({ time: Date.now() + 7 * 60_000 });
    await page.goto("/inbox");
    const item = page.getByTestId("conversation-item").filter({ hasText: `Marta Outra ${run}` });
    await expect(item.locator("time")).toHaveText(/^\d+m$/);
  });
});

test("a WhatsApp image's caption is shown once", async ({ agentPage: page }) => {
  const caption = `These ones, in oak ${run}`;
  await deliverWebhook("whatsapp", whatsappMedia({ from: WA_NUMBER, name: `Joao Hora ${run}`, type: "image", caption }));
  const id = await conversationIdFor(page, `Joao Hora ${run}`);
  await page.goto(`/inbox?c=${id}`);
  await expect(page.getByTestId("thread").getByText(caption)).toHaveCount(1);
});

test("a reply longer than the channel allows is refused, counted and can go as several messages", async ({ agentPage: page }, testInfo) => {
  const id = await conversationIdFor(page, `Joao Hora ${run}`);
  await page.goto(`/inbox?c=${id}`);
  const composer = page.getByLabel("Reply", { exact: true });
  const sentence = `Our oak table seats eight and ships in three days ${run}. `;
  const long = sentence.repeat(Math.ceil(5000 / sentence.length)).slice(0, 5000).trim();
  await composer.fill(long);
  // Nothing was cut: the composer holds every character pasted.
  await expect(composer).toHaveValue(long);
  await expect(page.getByTestId("text-counter")).toHaveText(`${long.length.toLocaleString("en")} / 4,096`);
  await expect(page.getByTestId("too-long")).toContainText("WhatsApp messages can be at most 4,096 characters");
  await expect(page.getByRole("button", { name: "Send reply" })).toBeDisabled();
  await shoot(page, testInfo, "long-reply-refused");

  // The server refuses it too, with a 4xx, and stores nothing.
  const direct = await page.request.post(`/api/inbox/conversations/${id}/reply`, { data: { text: long } });
  expect(direct.status()).toBe(422);
  expect((await direct.json()).error.code).toBe("VALIDATION_FAILED");
  const over = await page.request.post(`/api/inbox/conversations/${id}/reply`, { data: { text: "y".repeat(4097) } });
  expect(over.status()).toBe(422);

  await page.getByRole("button", { name: "Send as 2 messages" }).click();
  await expect(composer).toHaveValue("");
  await expect.poll(() => sentBodies(WA_NUMBER)).toHaveLength(2);
  const parts = await sentBodies(WA_NUMBER);
  for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
  expect(parts.join(" ")).toBe(long);
});

test("Instagram's limit is 1,000 characters, in the composer and on the server", async ({ agentPage: page }) => {
  const id = await conversationIdFor(page, `Ines Insta ${run}`);
  await page.goto(`/inbox?c=${id}`);
  await page.getByLabel("Reply", { exact: true }).fill("z".repeat(1200));
  await expect(page.getByTestId("text-counter")).toHaveText("1,200 / 1,000");
  await expect(page.getByTestId("too-long")).toContainText("Instagram messages can be at most 1,000 characters; this one has 1,200.");
  const direct = await page.request.post(`/api/inbox/conversations/${id}/reply`, { data: { text: "z".repeat(1200) } });
  expect(direct.status()).toBe(422);
  const body = await direct.json();
  expect(body.error.code).toBe("TEXT_TOO_LONG");
  const messages = await (await page.request.get(`/api/inbox/conversations/${id}/messages`)).json();
  expect(messages.messages.filter((message: { direction: string }) => message.direction === "OUTBOUND")).toHaveLength(0);
});

test("drafts are kept per conversation and across a reload until sent", async ({ agentPage: page }) => {
  const joao = await conversationIdFor(page, `Joao Hora ${run}`);
  const marta = await conversationIdFor(page, `Marta Outra ${run}`);
  const composer = page.getByLabel("Reply", { exact: true });
  await page.goto(`/inbox?c=${joao}`);
  await composer.fill(`Half-written answer for Joao ${run}`);
  await page.getByTestId("conversation-item").filter({ hasText: `Marta Outra ${run}` }).click();
  await expect(page.getByTestId("thread-title")).toHaveText(`Marta Outra ${run}`);
  await expect(composer).toHaveValue("");
  await composer.fill(`Note for Marta ${run}`);
  await page.getByTestId("conversation-item").filter({ hasText: `Joao Hora ${run}` }).click();
  await expect(composer).toHaveValue(`Half-written answer for Joao ${run}`);
  await page.reload();
  await expect(composer).toHaveValue(`Half-written answer for Joao ${run}`);
  await composer.press("Enter");
  await expect(page.getByTestId("message").filter({ hasText: `Half-written answer for Joao ${run}` })).toHaveAttribute("data-status", "sent");
  await page.reload();
  await expect(composer).toHaveValue("");
  await page.goto(`/inbox?c=${marta}`);
  await expect(composer).toHaveValue(`Note for Marta ${run}`);
  // Signing out forgets drafts: the next person at this browser doesn't read them.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("inbox:draft:")))).toEqual([]);
});

test("an oversize or unsupported file is refused before anything is uploaded, with the channel's own limit", async ({ agentPage: page }) => {
  const id = await conversationIdFor(page, `Joao Hora ${run}`);
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/attachments")) uploads.push(request.url());
  });
  await page.goto(`/inbox?c=${id}`);
  const attachInput = page.getByTestId("attach-input");
  const chip = page.getByTestId("composer-attachment");
  await attachInput.setInputFiles({ name: "big-photo.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
  await expect(chip).toHaveAttribute("data-state", "failed");
  await expect(chip.getByRole("alert")).toHaveText("WhatsApp images can be at most 5 MB; this file is 6 MB.");
  await attachInput.setInputFiles({ name: "archive.zip", mimeType: "application/zip", buffer: Buffer.from("PK") });
  await expect(chip.getByRole("alert")).toContainText("WhatsApp can't send application/zip");
  expect(uploads).toEqual([]);
});

test("moving through the list with j/k doesn't read what was passed over; Mark as unread brings it back", async ({ agentPage: page }, testInfo) => {
  const first = `35197${run}1`;
  const second = `35197${run}2`;
  await deliverWebhook("whatsapp", whatsappText({ from: first, name: `Paula Passada ${run}`, text: `Passed over ${run}` }));
  await deliverWebhook("whatsapp", whatsappText({ from: second, name: `Rui Lido ${run}`, text: `Read this one ${run}` }));
  const passedId = await conversationIdFor(page, `Paula Passada ${run}`);
  const readId = await conversationIdFor(page, `Rui Lido ${run}`);
  const unread = async (id: string) => (await (await page.request.get(`/api/inbox/conversations/${id}`)).json()).conversation.unreadCount as number;

  await page.goto("/inbox?channel=whatsapp");
  await expect(page.getByTestId("conversation-item").first()).toContainText(`Rui Lido ${run}`);
  await page.keyboard.press("j");
  await expect(page.getByTestId("thread-title")).toHaveText(`Rui Lido ${run}`);
  await page.keyboard.press("j");
  await expect(page.getByTestId("thread-title")).toHaveText(`Paula Passada ${run}`);
  await page.keyboard.press("k");
  await expect(page.getByTestId("thread-title")).toHaveText(`Rui Lido ${run}`);
  // Left on screen, the thread is read; the one only passed over is not.
  await expect.poll(() => unread(readId)).toBe(0);
  expect(await unread(passedId)).toBe(1);

  await page.getByRole("button", { name: "Mark as unread" }).click();
  await expect(page.getByTestId("toast")).toContainText("Marked as unread");
  await expect.poll(() => unread(readId)).toBe(1);
  await expect(page.getByTestId("conversation-item").filter({ hasText: `Rui Lido ${run}` }).getByTestId("unread-badge")).toHaveText("1");
  await shoot(page, testInfo, "marked-unread");

  // And from the keyboard: open it with a click (reads at once), then "u".
  await page.getByTestId("conversation-item").filter({ hasText: `Rui Lido ${run}` }).click();
  await expect.poll(() => unread(readId)).toBe(0);
  await page.getByTestId("thread").click();
  await page.keyboard.press("u");
  await expect.poll(() => unread(readId)).toBe(1);
});

test("archiving moves on to the next conversation", async ({ agentPage: page }) => {
  const id = await conversationIdFor(page, `Marta Outra ${run}`);
  await page.goto(`/inbox?channel=whatsapp&c=${id}`);
  await expect(page.getByTestId("thread-title")).toHaveText(`Marta Outra ${run}`);
  const ids = await page.getByTestId("conversation-item").evaluateAll((items) => items.map((item) => item.getAttribute("data-conversation-id")));
  const index = ids.indexOf(id);
  const expected = ids[index + 1] ?? ids[index - 1];
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByTestId("toast")).toContainText("Conversation archived");
  await expect(page).toHaveURL(new RegExp(`c=${expected}`));
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("thread-title")).toHaveText(`Marta Outra ${run}`);
});

test("search looks in every view, folds accents, reads phone numbers as dialled and marks the matching message", async ({ agentPage: page }, testInfo) => {
  const archivedId = await conversationIdFor(page, `Paula Passada ${run}`);
  expect((await page.request.patch(`/api/inbox/conversations/${archivedId}`, { data: { status: "ARCHIVED" } })).status()).toBe(200);
  await page.goto("/inbox");
  const search = page.getByLabel("Search conversations");
  const hits = page.getByTestId("conversation-item");

  await search.fill(`joão hora ${run}`);
  await expect(hits).toHaveCount(1);
  await expect(hits).toContainText(`Joao Hora ${run}`);

  await search.fill(`00${WA_NUMBER.slice(0, 3)} ${WA_NUMBER.slice(3, 6)} ${WA_NUMBER.slice(6)}`);
  await expect(hits).toHaveCount(1);
  await expect(hits).toContainText(`Joao Hora ${run}`);

  // An archived lead is found from the Open view, and says where it is.
  await search.fill(`passada ${run}`);
  await expect(hits).toHaveCount(1);
  await expect(hits.getByTestId("hit-view")).toHaveText("Archived");

  // The message that matched, not the latest one, with the match marked.
  await search.fill(`BRAGA? ${run}`);
  await expect(hits.filter({ hasText: `Joao Hora ${run}` }).locator("mark")).toHaveText(`Braga? ${run}`);
  await expect(hits.filter({ hasText: `Joao Hora ${run}` }).getByTestId("hit-view")).toHaveText("Open");
  await shoot(page, testInfo, "search-hit-marked");
});
