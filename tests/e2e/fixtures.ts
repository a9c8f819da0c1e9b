import { test as base, expect } from '@playwright/test';

/**
 * Chromium's own log line for an HTTP answer of 4xx. The app reads those
 * answers (a wrong PIN is a 401 with a message it shows), so the line is not
 * an error of the app.
 */
const HANDLED_HTTP_ANSWER = /^Failed to load resource: the server responded with a status of 4\d\d/;

/** Every test also checks that the page logged no error and threw nothing. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !HANDLED_HTTP_ANSWER.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await use(page);
    expect(problems, 'errors in the browser console').toEqual([]);
  },
});

export { expect };
