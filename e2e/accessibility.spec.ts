import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page, TestInfo } from "@playwright/test";
import { instagramText, whatsappText } from "../scripts/meta-sim/payloads";
import { deliverWebhook } from "./deliver-webhook";
import { E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { expect, test } from "./fixtures";

/**
 * axe-core finds no WCAG 2.1 A/AA violation on the inbox and the settings pages, at laptop and at
 * phone width; a screenshot of each screen, at each width, is attached to the report.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = { laptop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
const run = Date.now().toString().slice(-6);
const IG_SENDER = `76${run}00000001`.slice(0, 16);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  });
}

async function checkScreen(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(`${name}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  const violations = await axeViolations(page);
  const report = violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(" ")}: ${node.failureSummary}`).join("\n")}`);
  expect(report, `axe on ${name}`).toEqual([]);
}

test.beforeAll(async () => {
  await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/profiles`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: IG_SENDER, profile: { name: `Clara Contraste ${run}`, username: `clara.${run}` } }),
  });
  await deliverWebhook("instagram", instagramText({ senderId: IG_SENDER, text: `Do you have *this* in blue? https://shop.example/sofa ${run}` }));
  await deliverWebhook("whatsapp", whatsappText({ from: `35195${run}1`, name: `Duarte Acessivel ${run}`, text: `Is the *oak* table _still_ available? ${run}` }));
});

for (const [widthName, viewport] of Object.entries(WIDTHS)) {
  test.describe(`at ${widthName} width`, () => {
    test.use({ viewport });

    test("the inbox: list, thread and composer", async ({ agentPage: page }, testInfo) => {
      await page.goto("/inbox");
      const item = page.getByTestId("conversation-item").filter({ hasText: `Duarte Acessivel ${run}` });
      await expect(item).toBeVisible();
      await checkScreen(page, testInfo, `inbox-list-${widthName}`);
      await item.click();
      await expect(page.getByLabel("Reply", { exact: true })).toBeVisible();
      await page.getByLabel("Reply", { exact: true }).fill("Yes, it is! 🙂");
      await checkScreen(page, testInfo, `inbox-thread-${widthName}`);
      await page.getByRole("button", { name: "Insert emoji" }).click();
      await expect(page.getByTestId("emoji-picker")).toBeVisible();
      await checkScreen(page, testInfo, `inbox-emoji-${widthName}`);
    });

    test("settings: integrations, team, blocklist and webhook events", async ({ adminPage: page }, testInfo) => {
      for (const section of ["integrations", "team", "blocklist", "events"]) {
        await page.goto(`/settings/${section}`);
        await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
        await checkScreen(page, testInfo, `settings-${section}-${widthName}`);
      }
    });
  });
}
