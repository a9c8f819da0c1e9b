import type { Page } from '@playwright/test';
import { logIn, openAccount, openPaymentForm, payExactCash } from './counter.js';
import { expect, test } from './fixtures.js';

/**
 * The sync page with no centre configured (the e2e server has no
 * COUNTER_CENTRAL_URL): the counter says sync is off, keeps every posting
 * waiting, and shows a branch manager what sync would ask of them.
 */

const header = (page: Page) => page.getByRole('banner');
const indicator = (page: Page) => header(page).getByRole('button', { name: /^Sync: / });

async function openSyncPage(page: Page) {
  await indicator(page).click();
  await expect(page.getByRole('heading', { name: 'Sync with the centre', level: 1 })).toBeVisible();
}

/** The "N waiting" count on the sync page. */
async function waitingCount(page: Page): Promise<number> {
  const waiting = page.getByRole('list', { name: 'Postings' }).getByText(/^[\d,]+ waiting$/);
  await expect(waiting).toBeVisible();
  return Number((await waiting.textContent())!.replace(/ waiting$/, '').replaceAll(',', ''));
}

test('with no centre configured the header says Sync off, and a cashier’s sync page says why, without the manager’s sections', async ({ page }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await expect(indicator(page)).toHaveText('Sync off');
  await expect(indicator(page)).toHaveAccessibleName(/^Sync: Off, /);

  await openSyncPage(page);
  await expect(page.getByText('This counter is not connected to a central server. Payments are kept here; set COUNTER_CENTRAL_URL to connect.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  await expect(page.getByRole('heading', { name: 'Postings the centre refused' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'To review' })).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Find a consumer' })).toBeFocused();
});

test('a cash payment recorded while sync is off waits for the centre: the page and the header count one more', async ({ page }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await openSyncPage(page);
  const before = await waitingCount(page);
  await page.keyboard.press('Escape');

  await openAccount(page, 'WU-10011');
  await openPaymentForm(page);
  await payExactCash(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Find a consumer' })).toBeFocused();

  await openSyncPage(page);
  // Other tests record payments in the same server, so the count is read, not assumed; with sync off nothing leaves.
  await expect.poll(() => waitingCount(page)).toBe(before + 1);
  const postings = before === 0 ? '1 posting' : `${before + 1} postings`;
  await expect(indicator(page)).toHaveAccessibleName(`Sync: Off, ${postings} waiting`);
});

test('a branch manager sees the postings the centre refused and what is to review, both empty', async ({ page }) => {
  await logIn(page, 'mary', '3456');
  await openSyncPage(page);

  const refused = page.getByRole('region', { name: 'Postings the centre refused' });
  await expect(refused.getByText('Nothing refused', { exact: true })).toBeVisible();
  const toReview = page.getByRole('region', { name: 'To review' });
  await expect(toReview.getByText('Nothing to review', { exact: true })).toBeVisible();
});
