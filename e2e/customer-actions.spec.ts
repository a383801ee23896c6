import type { Page } from "@playwright/test";
import {
  instagramStoryMention,
  newInstagramMid,
  whatsappButton,
  whatsappEdit,
  whatsappReaction,
  whatsappText,
} from "../scripts/meta-sim/payloads";
import { E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { deliverWebhook } from "./deliver-webhook";
import { expect, test } from "./fixtures";

/**
 * What the customer does besides writing, as the salesperson sees it in Chromium: a reaction chip
 * on the message it reacts to (gone live when withdrawn), a quoted reply that jumps to its
 * original, an edit mark, a tapped button as a choice, and a story mention with the story.
 */

const run = Date.now().toString().slice(-6);
const WA_NUMBER = `35196${run}2`;
const NAME = `Rui Actions ${run}`;
const IG_SENDER = `78${run}00000002`.slice(0, 16);


const wamidOf = (payload: ReturnType<typeof whatsappText>) => payload.entry[0].changes[0].value.messages![0].id;

async function openConversation(page: Page, tab: "instagram" | "whatsapp", name: string) {
  await page.goto("/inbox");
  await expect(page.getByTestId("inbox")).toHaveAttribute("data-live", "true");
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId("conversation-item").filter({ hasText: name }).click();
  await expect(page.getByTestId("thread-title")).toHaveText(name);
}


test("reactions, quoted replies, edits and choices in a WhatsApp thread", async ({ agentPage: page }, testInfo) => {
  const now = Date.now();
  const question = whatsappText({ from: WA_NUMBER, name: NAME, text: `Do you have the oak table? ${run}`, timestamp: now - 4000 });
  await deliverWebhook("whatsapp", question);
  await deliverWebhook("whatsapp", whatsappText({ from: WA_NUMBER, name: NAME, text: `And in walnut? ${run}`, replyToWamid: wamidOf(question), timestamp: now - 3000 }));
  await deliverWebhook("whatsapp", whatsappButton({ from: WA_NUMBER, name: NAME, text: "Confirm", timestamp: now - 2000 }));
  await deliverWebhook("whatsapp", whatsappReaction({ from: WA_NUMBER, name: NAME, messageId: wamidOf(question), emoji: "👍" }));

  await openConversation(page, "whatsapp", NAME);
  const thread = page.getByTestId("thread");
  // Held by its element id: the edit below changes the text it was found by.
  const originalId = await thread.getByTestId("message").filter({ hasText: `Do you have the oak table? ${run}` }).filter({ hasNotText: "walnut" }).getAttribute("id");
  const original = page.locator(`[id="${originalId}"]`);
  await expect(original.getByTestId("reaction")).toHaveAttribute("title", "Customer reacted 👍");
  await expect(thread.getByTestId("message")).toHaveCount(3);

  const reply = thread.getByTestId("message").filter({ hasText: `And in walnut? ${run}` });
  const quote = reply.getByTestId("quoted-reply");
  await expect(quote).toContainText(`Do you have the oak table? ${run}`);
  await expect(thread.getByTestId("choice")).toHaveText("Chose: Confirm");
  await testInfo.attach("thread-with-reaction-and-quote", { body: await page.screenshot(), contentType: "image/png" });

  await quote.click();
  await expect(original).toBeFocused();

  // Live, without a reload: the edit mark appears and the withdrawn reaction goes.
  await deliverWebhook("whatsapp", whatsappEdit({ from: WA_NUMBER, name: NAME, messageId: wamidOf(question), text: `Do you have the oak table in 2 m? ${run}` }));
  await expect(original).toContainText("oak table in 2 m?");
  await expect(original.getByTestId("edited")).toBeVisible();
  await deliverWebhook("whatsapp", whatsappReaction({ from: WA_NUMBER, name: NAME, messageId: wamidOf(question), emoji: null }));
  await expect(original.getByTestId("reaction")).toHaveCount(0);
});

test("a story mention shows the story", async ({ agentPage: page }, testInfo) => {
  const mid = newInstagramMid();
  await deliverWebhook("instagram", instagramStoryMention({ senderId: IG_SENDER, mid, storyUrl: `${E2E_FAKE_GRAPH_URL}/cdn/story/${mid}.png` }));
  await page.goto("/inbox");
  await page.getByTestId("tab-instagram").click();
  await page.getByTestId("conversation-item").filter({ hasText: "Mentioned you in their story" }).first().click();
  const mention = page.getByTestId("story-mention");
  await expect(mention).toContainText("Mentioned you in their story");
  const story = mention.getByRole("img", { name: "The customer's story" });
  await expect(story).toBeVisible();
  await expect.poll(() => story.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await testInfo.attach("story-mention", { body: await page.screenshot(), contentType: "image/png" });
});
