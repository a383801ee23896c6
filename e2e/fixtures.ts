import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_AGENT } from "./e2e-env";

type Credentials = { email: string; password: string };

/** A page in its own browser context, signed in through next-auth's real credentials flow. */
export async function signedInPage(browser: Browser, user: Credentials, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
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

/**
 * Every console error and uncaught page error in a context's pages (a hydration mismatch, React
 * #418, is one). A test that provokes an error on purpose lists it in `allowedConsoleErrors`.
 */
function collectConsoleErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => errors.push(error.message));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  return errors;
}

async function failOnConsoleErrors(context: BrowserContext, allowed: RegExp[], use: () => Promise<void>) {
  const errors = collectConsoleErrors(context);
  await use();
  const unexpected = errors.filter((error) => !allowed.some((pattern) => pattern.test(error)));
  if (unexpected.length > 0) throw new Error(`Console errors in the browser:\n${unexpected.join("\n")}`);
}

export const test = base.extend<{ adminPage: Page; agentPage: Page; allowedConsoleErrors: RegExp[]; consoleErrors: void; cspViolations: string[] }>({
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
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [async ({ context, allowedConsoleErrors }, use) => failOnConsoleErrors(context, allowedConsoleErrors, use), { auto: true }],
  // Named so the CSP watch is in place before these contexts open.
  adminPage: async ({ browser, allowedConsoleErrors, timezoneId, locale, cspViolations: _watched }, use) => {
    const page = await signedInPage(browser, E2E_ADMIN, { timezoneId, locale });
    await failOnConsoleErrors(page.context(), allowedConsoleErrors, () => use(page));
    await page.context().close();
  },
  agentPage: async ({ browser, allowedConsoleErrors, timezoneId, locale, cspViolations: _watched }, use) => {
    const page = await signedInPage(browser, E2E_AGENT, { timezoneId, locale });
    await failOnConsoleErrors(page.context(), allowedConsoleErrors, () => use(page));
    await page.context().close();
  },
});

export { expect };
