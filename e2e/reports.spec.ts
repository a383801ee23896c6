import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * A sales manager reads the reports page in real Chromium against the production build: March 2025
 * (seeded history, known figures), the channel and agent filters changing the numbers, the charts
 * drawn by the page's own chart bundle, a CSV download, and an agent who sees only their own row.
 * The inbox's JavaScript never carries the chart library.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MARCH = "/reports?range=custom&from=2025-03-01&to=2025-03-31";
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Generous on a loaded machine: the bound only matters when something hangs.
test.describe.configure({ mode: "serial", timeout: 90_000 });
// Tall enough that the whole page (it scrolls inside the app shell) is on one screenshot.
test.use({ viewport: { width: 1440, height: 2000 } });

test.beforeAll(() => {
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["e2e/seed-report-history.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: "file:./.e2e-data/inbox.db", DATA_DIR: ".e2e-data" },
  });
});

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** axe-core's WCAG 2.1 A/AA violations on the page, as readable lines (as e2e/accessibility.spec.ts checks the inbox). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type Violation = { id: string; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  });
}

async function openReports(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("main[data-hydrated=true]")).toBeVisible({ timeout: 20_000 });
}

test("admin: March's figures, filters change them, charts and CSV", async ({ adminPage: page }, testInfo) => {
  await openReports(page, MARCH);
  // [60, 120, 600, 1200, 1800, 2400]: median 900 s.
  await expect(page.getByTestId("figure-median")).toContainText("15 min");
  await expect(page.getByTestId("figure-started")).toContainText("6");
  await expect(page.getByTestId("figure-won")).toContainText("€500");
  const byDay = page.getByTestId("table-by-day");
  await expect(byDay.getByRole("row", { name: /2025-03-10/ })).toHaveText(/2025-03-10\s*1\s*2\s*3/);
  await expect(page.getByTestId("table-funnel").getByRole("row", { name: /Won/ })).toContainText("500.00");
  // The charts come from the page's own chunk, after the tables.
  await expect(page.getByTestId("chart-by-day").locator("svg.recharts-surface").last()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("chart-funnel").locator("svg.recharts-surface").last()).toBeVisible({ timeout: 20_000 });
  await shoot(page, testInfo, "reports-march-admin");
  expect(await axeViolations(page), "axe on /reports").toEqual([]);

  await page.getByLabel("Channel", { exact: true }).selectOption("whatsapp");
  await expect(page).toHaveURL(/channel=whatsapp/);
  await expect(page.getByTestId("figure-median")).toContainText("1 min 30 s");
  await expect(page.getByTestId("figure-started")).toContainText("2");

  await page.getByLabel("Agent", { exact: true }).selectOption({ label: "Alex Agent" });
  await expect(page.getByTestId("table-agents").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("table-agents")).toContainText("Alex Agent");
  await shoot(page, testInfo, "reports-march-whatsapp-alex");

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: /Download CSV of conversations started per day/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("conversations-per-day_2025-03-01_2025-03-31_whatsapp.csv");
  const csv = readFileSync((await download.path())!, "utf8").split("\r\n");
  expect(csv[0]).toBe("Day,WhatsApp,Total");
  expect(csv).toContain("2025-03-10,2,2");
  expect(csv.filter(Boolean)).toHaveLength(32);

  // A preset moves the range to the last 7 days (UTC): March's figures are gone.
  await page.getByLabel("Channel", { exact: true }).selectOption("");
  await page.getByLabel("Agent", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "7 days", exact: true }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByTestId("table-by-day").locator("tbody tr")).toHaveCount(7);
  await expect(page.getByTestId("table-by-day")).not.toContainText("2025-03-10");
});

test("agent: the team's figures and only their own row, no agent filter", async ({ agentPage: page }, testInfo) => {
  await openReports(page, MARCH);
  await expect(page.getByTestId("figure-median")).toContainText("15 min");
  await expect(page.getByLabel("Agent", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your figures" })).toBeVisible();
  const rows = page.getByTestId("table-agents").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  // Alex answered five of the six: median of [60, 120, 1200, 1800, 2400] is 1200 s.
  await expect(rows.first()).toContainText("Alex Agent");
  await expect(rows.first()).toContainText("20 min");
  await shoot(page, testInfo, "reports-march-agent");
});

test("the header links to Reports, and the inbox's JavaScript carries no chart library", async ({ adminPage: page }) => {
  const scripts = new Map<string, string>();
  page.on("response", async (response) => {
    if (response.request().resourceType() === "script") scripts.set(response.url(), await response.text().catch(() => ""));
  });
  await page.goto("/inbox");
  await page.waitForLoadState("networkidle");
  const inboxScripts = [...scripts];
  const inboxBytes = inboxScripts.reduce((sum, [, body]) => sum + body.length, 0);
  expect(inboxScripts.length).toBeGreaterThan(0);
  expect(inboxScripts.filter(([, body]) => body.includes("recharts-surface")).map(([url]) => url)).toEqual([]);
  console.log(`/inbox loads ${inboxScripts.length} scripts, ${(inboxBytes / 1024).toFixed(1)} KiB uncompressed`);

  scripts.clear();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(/\/reports/);
  await expect(page.getByTestId("chart-by-day").locator("svg.recharts-surface").last()).toBeVisible({ timeout: 20_000 });
  await page.waitForLoadState("networkidle");
  expect([...scripts.values()].some((body) => body.includes("recharts-surface"))).toBe(true);
});
