import { startFakePrinter } from '../support/fake-printer.js';
import { apiAs, today } from './api.js';
import { logIn, openAccount, openPaymentForm, payExactCash } from './counter.js';
import { expect, test } from './fixtures.js';

/**
 * What the counter refuses, and what it does when the world misbehaves. The
 * tests share one database, so each uses a consumer of its own.
 */

test('a wrong PIN shows the backend’s message on the PIN', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('User', { exact: true }).fill('peter');
  await page.getByLabel('PIN', { exact: true }).fill('0000');
  await page.getByLabel('PIN', { exact: true }).press('Enter');
  await expect(page.getByLabel('PIN', { exact: true })).toHaveAccessibleDescription('User or PIN is not right');
});

test('cash received short of the amount paid is refused on Amount received, and nothing is posted', async ({ page, request }) => {
  const jane = await apiAs(request, 'jane', '1234');
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10002');
  await openPaymentForm(page);

  await page.keyboard.type('1.00');
  await expect(page.getByText(/^Short by KES/)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Amount received', { exact: true })).toHaveAccessibleDescription(/^Amount received \(KES 1\.00\) is less than the amount paid/);
  await expect(page.getByLabel('Amount received', { exact: true })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Review payment' })).toHaveCount(0);

  // The backend refuses the same payment on its own, naming the same field.
  const account = await jane.account('WU-10002');
  const bill = account.bills[0]!;
  const refused = await jane.send('payment-record', {
    id: '019a0000-0000-7000-8000-000000000001',
    consumerId: account.consumer.id,
    type: 'bill',
    itemIds: [bill.id],
    method: 'cash',
    channel: 'walk_in',
    amountPaid: (bill.open / 100).toFixed(2),
    amountReceived: '1.00',
    paymentDate: today(),
  });
  expect(refused.ok ? null : refused.error).toMatchObject({ code: 'VALIDATION', field: 'amountReceived', message: expect.stringContaining('Amount received') });
  expect(await jane.paymentsFor('WU-10002')).toBe(0);
});

test('amounts that are not money are refused with a message naming Amount paid', async ({ page, request }) => {
  const jane = await apiAs(request, 'jane', '1234');
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10003');
  await openPaymentForm(page);
  const amountPaid = page.getByLabel('Amount paid', { exact: true });

  const refusals: Array<[typed: string, message: string]> = [
    ['1.234', 'Amount paid can have at most two decimals'],
    ['abc', 'Amount paid must be a number, like 150.00'],
    ['0', 'Amount paid must be more than zero'],
    ['-5', 'Amount paid cannot be negative'],
    ['', 'Amount paid is required'],
  ];
  for (const [typed, message] of refusals) {
    await amountPaid.fill(typed);
    await amountPaid.press('Enter');
    await expect(amountPaid).toHaveAccessibleDescription(message);
    await expect(amountPaid).toBeFocused();
  }
  await expect(page.getByRole('heading', { name: 'Review payment' })).toHaveCount(0);
  expect(await jane.paymentsFor('WU-10003')).toBe(0);
});

test('notes over the limit of the settings are refused, with the count shown', async ({ page, request }) => {
  const jane = await apiAs(request, 'jane', '1234');
  const { notesMaxLength } = await jane.call('settings-get', {});
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10003');
  await openPaymentForm(page);
  await page.keyboard.type(await page.getByLabel('Amount paid', { exact: true }).inputValue());

  await page.getByLabel('Notes', { exact: true }).fill('x'.repeat(notesMaxLength + 1));
  await expect(page.getByText(`${notesMaxLength + 1} / ${notesMaxLength}`)).toBeVisible();
  await page.getByLabel('Amount received', { exact: true }).press('Enter');
  await expect(page.getByLabel('Notes', { exact: true })).toHaveAccessibleDescription(new RegExp(`Notes must be at most ${notesMaxLength} characters`));
  await expect(page.getByLabel('Notes', { exact: true })).toBeFocused();
  expect(await jane.paymentsFor('WU-10003')).toBe(0);
});

test('a printer that cannot be reached shows its error and a Retry, and the payment stays posted', async ({ page, request }) => {
  const admin = await apiAs(request, 'admin', '9999');
  const gone = await startFakePrinter({ mode: 'refuse-after-close' });
  await admin.call('printer-set', { address: gone.address, paperWidth: 80 });

  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10004');
  await openPaymentForm(page);
  const receipt = await payExactCash(page);

  await page.keyboard.press('Enter');
  const problem = page.getByRole('alert').filter({ hasText: 'The receipt did not print' });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('Attempts: 1');
  await problem.getByRole('button', { name: 'Retry printing' }).click();
  await expect(problem).toContainText('Attempts: 2');
  await expect(page.getByRole('group', { name: 'Status' }).getByText('Posted', { exact: true })).toBeVisible();

  const jane = await apiAs(request, 'jane', '1234');
  const [stored] = (await jane.call('payment-list-recent', { limit: 100 })).filter((p) => p.receiptNumber === receipt);
  expect(stored?.status).toBe('posted');
});

test('two quick clicks on Confirm post one payment', async ({ page, request }) => {
  const jane = await apiAs(request, 'jane', '1234');
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10005');
  await openPaymentForm(page);
  await page.keyboard.type(await page.getByLabel('Amount paid', { exact: true }).inputValue());
  await page.keyboard.press('Enter');

  await page.getByRole('button', { name: 'Confirm payment' }).dblclick();
  await expect(page.getByRole('heading', { name: /^Receipt R-/ })).toBeVisible();
  expect(await jane.paymentsFor('WU-10005')).toBe(1);
});

test('a bill paid elsewhere while the review is open is refused on Confirm, and the form says why', async ({ page, request }) => {
  const jane = await apiAs(request, 'jane', '1234');
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10006');
  await openPaymentForm(page);
  await page.keyboard.type(await page.getByLabel('Amount paid', { exact: true }).inputValue());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Confirm payment' })).toBeFocused();

  // Another terminal takes the same bill first.
  const account = await jane.account('WU-10006');
  const bill = account.bills[0]!;
  await jane.call('payment-record', {
    id: '019a0000-0000-7000-8000-000000000002',
    consumerId: account.consumer.id,
    type: 'bill',
    itemIds: [bill.id],
    method: 'cash',
    channel: 'walk_in',
    amountPaid: (bill.open / 100).toFixed(2),
    amountReceived: (bill.open / 100).toFixed(2),
    paymentDate: today(),
  });

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Record payment' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: `${bill.reference} is already paid` })).toBeVisible();
  expect(await jane.paymentsFor('WU-10006')).toBe(1);
});
