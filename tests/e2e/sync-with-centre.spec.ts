import type { APIRequestContext, Page } from '@playwright/test';
import { apiAs } from './api.js';
import { logIn, openAccount, openPaymentForm, payExactCash } from './counter.js';
import { expect, test } from './fixtures.js';

/**
 * A counter synced with the reference centre (playwright.config.ts starts
 * both): the first download, a payment sent as soon as it is taken, and a
 * posting the centre refuses, as the branch manager meets it.
 */
test.use({ baseURL: 'http://127.0.0.1:4397' });

const CENTRE = 'http://127.0.0.1:4398';
const ADMIN = { 'x-admin-key': 'DEMO-ADMIN' };
const indicator = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Sync: / });

async function centreTotals(request: APIRequestContext): Promise<{ count: number; total: number }> {
  const response = await request.get(`${CENTRE}/_admin/totals`, { headers: ADMIN });
  expect(response.ok()).toBe(true);
  return (await response.json()) as { count: number; total: number };
}

async function refuseAccounts(request: APIRequestContext, accountIds: string[]) {
  const response = await request.put(`${CENTRE}/_admin/rejected-accounts`, { headers: ADMIN, data: { accountIds } });
  expect(response.ok()).toBe(true);
}

test("a synced counter works on the centre's consumers and sends a payment as soon as it is taken", async ({ page, request }) => {
  const before = await centreTotals(request);
  await logIn(page, 'jane', '1234', { till: true });
  await expect(indicator(page)).toHaveText(/^Online/);
  // WU-10012 came down from the centre: a synced counter seeds no consumers of its own.
  await openAccount(page, 'WU-10012');
  await openPaymentForm(page);
  await payExactCash(page);
  await expect.poll(async () => (await centreTotals(request)).count).toBe(before.count + 1);
  await expect(indicator(page)).toHaveText('Online · all sent');
});

test('a payment the centre refuses is parked for the branch manager, who sends it again once the account reopens', async ({ page, request }) => {
  const jane = await apiAs(request, 'jane', '1234');
  const closed = (await jane.account('WU-10013')).consumer;
  await refuseAccounts(request, [closed.id]);
  try {
    await logIn(page, 'jane', '1234', { till: true });
    await openAccount(page, 'WU-10013');
    await openPaymentForm(page);
    await payExactCash(page);
    await page.getByRole('button', { name: 'Log out' }).click();

    await logIn(page, 'mary', '3456');
    await expect(indicator(page)).toHaveText('Online · 1 refused');
    await expect(indicator(page)).toHaveAccessibleName('Sync: Online, 1 posting refused by the centre');
    await indicator(page).click();
    const refused = page.getByRole('row', { name: /WU-10013/ });
    await expect(refused).toContainText('Payment');
    await expect(refused).toContainText(`Account ${closed.id} is closed at the centre`);

    await refuseAccounts(request, []);
    const before = await centreTotals(request);
    await refused.getByRole('button', { name: 'Retry Payment of WU-10013' }).click();
    await expect(page.getByText('Sent again')).toBeVisible();
    await expect(page.getByText('Nothing refused')).toBeVisible();
    await expect.poll(async () => (await centreTotals(request)).count).toBe(before.count + 1);
  } finally {
    await refuseAccounts(request, []);
  }
});
