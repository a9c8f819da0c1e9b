import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { apiAs, ensureTill, payOldestBill } from './api.js';
import { choose, logIn } from './counter.js';
import { expect, test } from './fixtures.js';

/**
 * Issue 7 at the screen: the managers' payments workspace. A branch manager
 * reads the month's figures, searches and filters the payments, opens one
 * and comes Back to the same view, makes a credit note from a row's menu,
 * finds it among the Active credit notes, reads its details and audit trail,
 * and downloads its PDF. Consumers of its own: WU-10041.
 */

const ACCOUNT = 'WU-10041';

/** Ten capital letters and digits no other test uses: the form of an M-PESA receipt code. */
const mpesaCode = () => `WS${Date.now().toString(36).toUpperCase()}`.padEnd(10, '7').slice(0, 10);

async function openWorkspace(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Payments' }).click();
  await expect(page.getByRole('heading', { name: 'Payments', level: 1 })).toBeVisible();
}

/** Chooses a chip of a filter (Method, Status, …) by its label, as a manager clicks it. */
async function chip(page: Page, filter: string, name: string) {
  const group = page.getByRole('group', { name: filter });
  await group.getByText(name, { exact: true }).click();
  await expect(group.getByRole('checkbox', { name })).toBeChecked();
}

test('AC30–AC39: a manager searches and filters the payments, comes Back to them, credits one and finds the note among the Active ones with its trail and PDF', async ({ page, request }) => {
  const mary = await apiAs(request, 'mary', '3456');
  await ensureTill(request, 'mary', '3456');
  const { consumer } = await mary.account(ACCOUNT);
  const cash = await payOldestBill(mary, ACCOUNT, { method: 'cash', amountPaid: '10.00' });
  const mpesa = await payOldestBill(mary, ACCOUNT, { method: 'mpesa', amountPaid: '12.00', reference: mpesaCode() });
  expect([cash.status, mpesa.status]).toEqual(['posted', 'posted']);
  // Part of the surname, in another case: the search is partial and case-insensitive.
  const fragment = consumer.name.split(' ').at(-1)!.slice(0, 5).toUpperCase();

  await logIn(page, 'mary', '3456');
  await openWorkspace(page);
  const today = page.getByRole('group', { name: 'Received Today' });
  await expect(today).toContainText(/KES [\d,]+\.\d\d/);
  await expect(today).toContainText(/\d+ payments?/);
  for (const kpi of ['Total Collected', 'Collection Rate', 'Average Collection Time']) await expect(page.getByRole('group', { name: kpi })).toBeVisible();

  // Search, then filter by method and status: the M-PESA payment drops out.
  const payments = page.getByRole('table', { name: 'Payments' });
  await page.getByLabel('Search payments').fill(fragment);
  await expect(payments.getByRole('button', { name: mpesa.receiptNumber, exact: true })).toBeVisible();
  await expect(payments.getByRole('button', { name: cash.receiptNumber, exact: true })).toBeVisible();
  await chip(page, 'Method', 'Cash');
  await chip(page, 'Status', 'Posted');
  await expect(payments.getByRole('button', { name: mpesa.receiptNumber, exact: true })).toBeHidden();
  await expect(payments.getByRole('row').filter({ hasText: cash.receiptNumber })).toContainText('KES 10.00');

  // The line under the table counts every match (counted next when the search left it open), and Export gives those rows.
  await expect(page.getByRole('status', { name: 'payments shown' })).toHaveText(/^1–[\d,]+ of [\d,]+$/);
  await page.getByRole('button', { name: 'Export' }).click();
  const exported = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV (.csv)' }).click();
  const csv = readFileSync(await (await exported).path(), 'utf8');
  expect(csv).toContain(cash.receiptNumber);
  expect(csv).not.toContain(mpesa.receiptNumber);

  // The receipt number opens the payment; Back comes to the same search and filters.
  await payments.getByRole('button', { name: cash.receiptNumber, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Receipt ${cash.receiptNumber}` })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Search payments')).toHaveValue(fragment);
  await expect(page.getByRole('group', { name: 'Method' }).getByRole('checkbox', { name: 'Cash' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Posted' })).toBeChecked();
  await expect(payments.getByRole('button', { name: cash.receiptNumber, exact: true })).toBeVisible();
  await expect(payments.getByRole('button', { name: mpesa.receiptNumber, exact: true })).toBeHidden();

  // A credit note from the row's three-dot menu; a branch manager approves her own.
  await page.getByRole('button', { name: `Actions for ${cash.receiptNumber}` }).click();
  await page.getByRole('menuitem', { name: 'Create credit note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create credit note' });
  await expect(dialog.getByLabel('Credit amount')).toHaveValue('10.00');
  await dialog.getByLabel('Reason').selectOption({ label: 'Billing Error' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  const created = page.getByText(/^Credit note CN-.* created$/);
  await expect(created).toBeVisible();
  const number = (await created.textContent())!.replace(/^Credit note /, '').replace(/ created$/, '');

  // Found in the Credit Notes tab under Active.
  await page.getByRole('tab', { name: 'Credit Notes' }).click();
  await choose(page, 'Active');
  await page.getByLabel('Search credit notes').fill(number);
  const notes = page.getByRole('table', { name: 'Credit notes' });
  const row = notes.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText(consumer.name);
  await expect(row).toContainText('Billing Error');
  await expect(row).toContainText('Active');
  await expect(row.getByRole('button', { name: cash.receiptNumber, exact: true })).toBeVisible();

  // Its details: the money, the linked payment and the audit trail that it was created.
  await row.getByRole('button', { name: number, exact: true }).click();
  const details = page.getByRole('dialog', { name: new RegExp(`Credit Note ${number}`) });
  await expect(details.getByRole('region', { name: 'Financial details' })).toContainText('Original credit amountKES 10.00');
  await expect(details.getByRole('region', { name: 'Financial details' })).toContainText('Usage0.0%');
  await expect(details.getByRole('region', { name: 'Credit note information' })).toContainText('Mary Wanjiku');
  await expect(details.getByRole('table', { name: 'Audit trail' })).toContainText(/created/i);

  // Download PDF gives the credit note as a PDF file.
  const download = page.waitForEvent('download');
  await details.getByRole('button', { name: 'Download PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`credit-note-${number}.pdf`);
  expect(readFileSync(await file.path()).subarray(0, 4).toString('latin1')).toBe('%PDF');
  await details.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(details).toBeHidden();
});

test('a custom created range that runs backwards and a maximum below the minimum are shown on their fields', async ({ page }) => {
  await logIn(page, 'mary', '3456');
  await openWorkspace(page);
  await page.getByRole('tab', { name: 'Credit Notes' }).click();

  await page.getByLabel('Created', { exact: true }).selectOption({ label: 'Custom range' });
  await page.getByLabel('From', { exact: true }).fill('2026-04-10');
  await page.getByLabel('To', { exact: true }).fill('2026-04-01');
  await expect(page.getByLabel('To', { exact: true })).toHaveAccessibleDescription('To must be on or after From');
  await page.getByLabel('To', { exact: true }).fill('2026-04-30');
  await expect(page.getByLabel('To', { exact: true })).not.toHaveAccessibleDescription('To must be on or after From');

  await page.getByLabel('Minimum amount').fill('ten');
  await expect(page.getByLabel('Minimum amount')).toHaveAccessibleDescription('Minimum amount must be a number, like 150.00');
  await page.getByLabel('Minimum amount').fill('500');
  await page.getByLabel('Maximum amount').fill('100');
  await expect(page.getByLabel('Maximum amount')).toHaveAccessibleDescription('Maximum amount must be at least the minimum');
  await expect(page.getByLabel('Minimum amount')).not.toHaveAccessibleDescription(/.+/);
  await expect(page.getByText('Correct the filters above to see credit notes.')).toBeVisible();
});
