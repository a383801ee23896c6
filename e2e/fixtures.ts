import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
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

/**
 * Records every Content-Security-Policy violation in a context's pages: the browser's own console
 * report ("Refused to execute inline script because it violates…") and the DOM's
 * `securitypolicyviolation` event, so a blocked script or style fails the test instead of quietly
 * breaking a feature.
 */
async function watchCsp(context: BrowserContext, violations: string[]) {
  await context.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`),
      true,
    );
  });
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|CSP violation/.test(message.text())) violations.push(message.text());
  });
}

export const test = base.extend<{ adminPage: Page; agentPage: Page; cspViolations: string[] }>({
  // Every test, every context it opens (fixtures' and its own browser.newContext()).
  cspViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        await watchCsp(created, violations);
        return created;
      };
      await use(violations);
      browser.newContext = newContext;
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  // Named so the CSP watch is in place before these contexts open.
  adminPage: async ({ browser, cspViolations: _watched }, use) => {
    const page = await signedInPage(browser, E2E_ADMIN);
    await use(page);
    await page.context().close();
  },
  agentPage: async ({ browser, cspViolations: _watched }, use) => {
    const page = await signedInPage(browser, E2E_AGENT);
    await use(page);
    await page.context().close();
  },
});

export { expect };
