import { test as base, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_AGENT } from "./e2e-env";

type Credentials = { email: string; password: string };

/** A page in its own browser context, signed in through next-auth's real credentials flow. */
export async function signedInPage(browser: Browser, user: Credentials): Promise<Page> {
  const context = await browser.newContext();
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  if (!response.ok()) throw new Error(`Sign-in failed for ${user.email}: HTTP ${response.status()}`);
  return context.newPage();
}

export const test = base.extend<{ adminPage: Page; agentPage: Page }>({
  adminPage: async ({ browser }, use) => {
    const page = await signedInPage(browser, E2E_ADMIN);
    await use(page);
    await page.context().close();
  },
  agentPage: async ({ browser }, use) => {
    const page = await signedInPage(browser, E2E_AGENT);
    await use(page);
    await page.context().close();
  },
});

export { expect } from "@playwright/test";
