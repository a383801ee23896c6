import { readFileSync } from "node:fs";
import type { APIRequestContext, Locator, Page, TestInfo } from "@playwright/test";
import { instagramText, postWebhook, whatsappText } from "../scripts/meta-sim/payloads";
import { E2E_ADMIN, E2E_CHANNEL_ENV, E2E_FAKE_GRAPH_URL } from "./e2e-env";
import { expect, signedInPage, test } from "./fixtures";

/**
 * A sales manager works the pipeline in real Chromium against the production build: leads arrive
 * through signed webhooks, are dragged and moved by keyboard across the board, valued and merged
 * from the inbox (Sofia wrote on Instagram and on WhatsApp), and exported as CSV.
 */

const run = Date.now().toString().slice(-6);
const people = {
  dario: { name: `Dario Ferri ${run}`, igsid: `78${run}00000001`.slice(0, 16) },
  elena: { name: `Elena Marchi ${run}`, phone: `39333${run}1` },
  sofiaIg: { name: `Sofia Rossi ${run}`, igsid: `78${run}00000002`.slice(0, 16) },
  sofiaWa: { name: `Sofia Rossi ${run}`, phone: `39333${run}2` },
};

interface LeadJson {
  id: string;
  name: string;
  status: string;
  value: number | null;
  contacts: { channel: string }[];
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

async function leadsNamed(request: APIRequestContext, q: string): Promise<LeadJson[]> {
  const res = await request.get(`/api/leads?${new URLSearchParams({ q, limit: "20" })}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { leads: LeadJson[] }).leads;
}

function column(page: Page, status: string): Locator {
  return page.getByTestId(`column-${status}`);
}

function card(page: Page, lead: LeadJson): Locator {
  return page.locator(`[data-testid="lead-card"][data-lead-id="${lead.id}"]`);
}

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1440, height: 900 } });

test.beforeAll(async ({ browser }) => {
  for (const person of [people.dario, people.sofiaIg]) {
    await fetch(`${E2E_FAKE_GRAPH_URL}/__fake/profiles`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: person.igsid, profile: { name: person.name, username: person.name.toLowerCase().replace(/ /g, ".") } }),
    });
  }
  const appUrl = test.info().project.use.baseURL!;
  const deliveries = [
    { channel: "instagram" as const, payload: instagramText({ senderId: people.dario.igsid, text: "Do you have the oak table in stock?" }), appSecret: E2E_CHANNEL_ENV.INSTAGRAM_APP_SECRET },
    { channel: "whatsapp" as const, payload: whatsappText({ from: people.elena.phone, name: people.elena.name, text: "I'd like to order two armchairs" }), appSecret: E2E_CHANNEL_ENV.WHATSAPP_APP_SECRET },
    { channel: "instagram" as const, payload: instagramText({ senderId: people.sofiaIg.igsid, text: "Is the blue sofa still available?" }), appSecret: E2E_CHANNEL_ENV.INSTAGRAM_APP_SECRET },
    { channel: "whatsapp" as const, payload: whatsappText({ from: people.sofiaWa.phone, name: people.sofiaWa.name, text: "Hi, it's Sofia from Instagram, here's my number" }), appSecret: E2E_CHANNEL_ENV.WHATSAPP_APP_SECRET },
  ];
  for (const delivery of deliveries) expect((await postWebhook({ appUrl, ...delivery })).status).toBe(200);
  // Instagram names come from the profile fetch after the message is stored.
  const admin = await signedInPage(browser, E2E_ADMIN);
  await expect.poll(async () => (await leadsNamed(admin.request, run)).filter((lead) => lead.name.includes(run)).length, { timeout: 15_000 }).toBe(4);
  await admin.context().close();
});

test("drags a card to Qualified and moves one to Won by keyboard", async ({ adminPage: page }, testInfo) => {
  const [dario] = await leadsNamed(page.request, people.dario.name);
  const [elena] = await leadsNamed(page.request, people.elena.name);
  await page.goto("/leads");
  await expect(page.getByTestId("leads-page")).toHaveAttribute("data-live", "true");
  await expect(card(page, dario)).toBeVisible();
  await shoot(page, testInfo, "board-laptop");

  const from = (await card(page, dario).boundingBox())!;
  const to = (await column(page, "QUALIFIED").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
  await shoot(page, testInfo, "board-dragging");
  await page.mouse.up();
  await expect(column(page, "QUALIFIED").locator(`[data-lead-id="${dario.id}"]`)).toBeVisible();
  await expect.poll(async () => (await leadsNamed(page.request, people.dario.name))[0].status).toBe("QUALIFIED");

  await card(page, elena).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(`${elena.name} is over New.`)).toBeAttached();
  for (let step = 0; step < 3; step++) await page.keyboard.press("ArrowRight");
  await expect(page.getByText(`${elena.name} is over Won.`)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(column(page, "WON").locator(`[data-lead-id="${elena.id}"]`)).toBeVisible();
  await expect(page.getByTestId("board-announcement")).toHaveText(`${elena.name} moved to Won.`);
  await expect.poll(async () => (await leadsNamed(page.request, people.elena.name))[0].status).toBe("WON");
  await shoot(page, testInfo, "board-after-moves");

  // A reload shows the server's board: the moves were stored, not only drawn.
  await page.reload();
  await expect(column(page, "QUALIFIED").locator(`[data-lead-id="${dario.id}"]`)).toBeVisible();
  await expect(column(page, "WON").locator(`[data-lead-id="${elena.id}"]`)).toBeVisible();
});

test("a lead a teammate moves moves on everyone's board, live", async ({ adminPage, agentPage }, testInfo) => {
  const [dario] = await leadsNamed(adminPage.request, people.dario.name);
  await agentPage.goto("/leads");
  await expect(agentPage.getByTestId("leads-page")).toHaveAttribute("data-live", "true");
  await expect(column(agentPage, "QUALIFIED").locator(`[data-lead-id="${dario.id}"]`)).toBeVisible();
  // A write from outside the page says where it comes from, as the browser's own requests do.
  const headers = { origin: test.info().project.use.baseURL! };
  const moved = await adminPage.request.patch(`/api/leads/${dario.id}`, { data: { status: "CONTACTED" }, headers });
  expect(moved.status()).toBe(200);
  await expect(column(agentPage, "CONTACTED").locator(`[data-lead-id="${dario.id}"]`)).toBeVisible();
  await shoot(agentPage, testInfo, "board-teammate-moved-live");
  expect((await adminPage.request.patch(`/api/leads/${dario.id}`, { data: { status: "QUALIFIED" }, headers })).status()).toBe(200);
  await expect(column(agentPage, "QUALIFIED").locator(`[data-lead-id="${dario.id}"]`)).toBeVisible();
});

test("moving a card to Lost asks why", async ({ adminPage: page }) => {
  const [dario] = await leadsNamed(page.request, people.dario.name);
  await page.goto("/leads");
  // The board answers the keyboard once it has hydrated (it then also goes live).
  await expect(page.getByTestId("leads-page")).toHaveAttribute("data-live", "true");
  await card(page, dario).focus();
  await page.keyboard.press("Space");
  for (let step = 0; step < 2; step++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  const dialog = page.getByRole("dialog", { name: `Mark ${dario.name} as lost` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(column(page, "QUALIFIED").locator(`[data-lead-id="${dario.id}"]`)).toBeVisible();
  expect((await leadsNamed(page.request, people.dario.name))[0].status).toBe("QUALIFIED");
});

test("opens Sofia from the board, sets a value, merges her WhatsApp lead, and Back returns to the board", async ({ adminPage: page }, testInfo) => {
  const sofias = await leadsNamed(page.request, people.sofiaIg.name);
  const instagram = sofias.find((lead) => lead.contacts[0].channel === "INSTAGRAM")!;
  const whatsapp = sofias.find((lead) => lead.contacts[0].channel === "WHATSAPP")!;
  await page.goto("/leads");
  await card(page, instagram).click();
  await expect(page).toHaveURL(/\/inbox\?c=/);
  // The panel's fields answer Enter once the inbox has hydrated (it then also goes live).
  await expect(page.getByTestId("inbox")).toHaveAttribute("data-live", "true");
  const panel = page.getByTestId("lead-panel");
  await expect(panel).toBeVisible();

  await panel.getByLabel("Deal value").fill("1250");
  await panel.getByLabel("Deal value").press("Enter");
  await expect.poll(async () => (await leadsNamed(page.request, people.sofiaIg.name)).find((lead) => lead.id === instagram.id)?.value).toBe(125000);

  const duplicates = panel.getByTestId("lead-duplicates");
  await expect(duplicates).toContainText(whatsapp.name);
  await expect(duplicates).toContainText("Same name");
  await shoot(page, testInfo, "inbox-lead-panel-duplicate");
  await duplicates.getByRole("button", { name: `Merge ${whatsapp.name} into this lead` }).click();
  await expect(panel.getByRole("link", { name: "also on WhatsApp — open" })).toBeVisible();
  await expect(duplicates).toHaveCount(0);
  const merged = await leadsNamed(page.request, people.sofiaIg.name);
  expect(merged).toHaveLength(1);
  expect(merged[0].contacts.map((contact) => contact.channel).sort()).toEqual(["INSTAGRAM", "WHATSAPP"]);
  expect((await page.request.get(`/api/leads/${whatsapp.id}`)).status()).toBe(404);
  await shoot(page, testInfo, "inbox-lead-panel-merged");

  await page.goBack();
  await expect(page).toHaveURL(/\/leads$/);
  const sofiaCard = card(page, instagram);
  await expect(sofiaCard).toContainText("€1,250");
  await expect(card(page, whatsapp)).toHaveCount(0);
  await shoot(page, testInfo, "board-after-merge");
});

test("the table filters, sorts and exports the current filter as CSV", async ({ adminPage: page }, testInfo) => {
  await page.goto(`/leads?view=table&q=${run}`);
  const rows = page.getByTestId("lead-row");
  await expect(rows).toHaveCount(3);
  await page.getByRole("button", { name: "Value" }).click();
  await expect(page).toHaveURL(/sort=value/);
  await expect(rows.first()).toContainText(people.sofiaIg.name);
  await shoot(page, testInfo, "table-laptop");

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain(`${people.sofiaIg.name},NEW,1250.00,EUR`);
  expect(lines[1]).toContain("INSTAGRAM WHATSAPP");
  expect(csv).toContain(people.dario.name);
  expect(csv).toContain(people.elena.name);
  await testInfo.attach("leads.csv", { body: csv, contentType: "text/csv" });

  await page.getByRole("checkbox", { name: `Select ${people.dario.name}` }).check();
  await page.getByLabel("Assign selected leads to").selectOption({ label: "Ada Admin" });
  await expect(rows.filter({ hasText: people.dario.name })).toContainText("Ada Admin");
});

test("board and table at phone width", async ({ adminPage: page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/leads?q=${run}`);
  await expect(page.getByTestId("lead-card").first()).toBeVisible();
  await shoot(page, testInfo, "board-phone");
  await page.goto(`/leads?view=table&q=${run}`);
  await expect(page.getByTestId("lead-row").first()).toBeVisible();
  await shoot(page, testInfo, "table-phone");
});
