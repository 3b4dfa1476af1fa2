import { test as base, expect } from "@playwright/test";

/**
 * Every browser test fails on a console error, an uncaught exception, a failed request or a
 * request to another origin: the handbook makes none. A test that expects one (the 404 page's
 * own status) names it in `allowedConsole`.
 */
export const test = base.extend<{ allowedConsole: RegExp[] }>({
  allowedConsole: [[], { option: true }],
  page: async ({ page, baseURL, allowedConsole }, use) => {
    const problems: string[] = [];
    const origin = new URL(baseURL!).origin;
    page.on("console", (message) => {
      if (message.type() === "error" && !allowedConsole.some((allowed) => allowed.test(message.text()))) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    page.on("requestfailed", (request) => {
      // A navigation (a redirect, a click) cancels what the old page was still loading.
      if (request.failure()?.errorText !== "net::ERR_ABORTED") {
        problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`);
      }
    });
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (/^https?:$/.test(url.protocol) && url.origin !== origin)
        problems.push(`other origin: ${request.url()}`);
    });
    await use(page);
    expect(problems).toEqual([]);
  },
});

export { expect };
