import type { Page } from '@playwright/test';
import { parseAmount } from '../../core/money.js';
import { ensureTill } from './api.js';
import { expect } from './fixtures.js';

/** Steps of the counter as a cashier does them, with the keyboard. */

/**
 * Signs in at the login screen. With `{ till: true }` a user who takes
 * payments has their own till open first, as a cashier opens one before
 * taking payments: through the API, whatever the screens offer for it, and
 * the one already open if there is one (the specs share a server). Without
 * it the user comes to the counter as they are (tills.spec.ts opens tills on
 * the screens).
 */
export async function logIn(page: Page, username: string, pin: string, { till = false }: { till?: boolean } = {}) {
  if (till) await ensureTill(page.request, username, pin);
  await page.goto('/');
  await expect(page.getByLabel('User', { exact: true })).toBeFocused();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('PIN', { exact: true })).toBeFocused();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Find a consumer' })).toBeFocused();
}

/**
 * Enters the account number and presses Enter at once, as a barcode scanner
 * does: the account opens when the search answers.
 */
export async function openAccount(page: Page, accountNumber: string) {
  await page.getByRole('combobox', { name: 'Find a consumer' }).fill(accountNumber);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Record payment' })).toBeFocused();
  await expect(page.getByText(accountNumber, { exact: true })).toBeVisible();
}

/** From the account, Enter opens the payment form with cash chosen and the cursor in Amount received. */
export async function openPaymentForm(page: Page) {
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Amount received', { exact: true })).toBeFocused();
}

/** Cents shown in an amount like "KES 1,234.50". */
export function centsIn(text: string | null): number {
  const parsed = parseAmount((text ?? '').replace(/^[A-Z]{3}\s*/, ''));
  if (!parsed.ok) throw new Error(`not an amount: ${text}`);
  return parsed.value;
}

/** Pays the prefilled amount in exact cash and confirms: returns the receipt number. */
export async function payExactCash(page: Page) {
  const paid = await page.getByLabel('Amount paid', { exact: true }).inputValue();
  await page.keyboard.type(paid);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Confirm payment' })).toBeFocused();
  await page.keyboard.press('Enter');
  return receiptNumber(page);
}

export async function receiptNumber(page: Page) {
  const heading = page.getByRole('heading', { name: /^Receipt R-/ });
  await expect(heading).toBeVisible();
  return (await heading.textContent())!.replace(/^Receipt /, '').trim();
}

/** Picks a choice of a segmented field (payment type, method) by clicking its label, as a cashier does. */
export async function choose(page: Page, name: string) {
  const radio = page.getByRole('radio', { name, exact: true });
  await page.locator(`label[for="${await radio.getAttribute('id')}"]`).click();
  await expect(radio).toBeChecked();
}
