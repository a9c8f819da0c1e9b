import { apiAs } from './api.js';
import { choose, logIn, openAccount, openPaymentForm, payExactCash } from './counter.js';
import { expect, test } from './fixtures.js';

/**
 * What the cashier does after a receipt (AC14, AC15), and what an
 * administrator changes at the counter: the payment modes (AC8) and a posted
 * payment recorded wrongly.
 */

test('AC14: Record another payment opens a fresh form for the same consumer', async ({ page }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10007');
  await openPaymentForm(page);
  await page.getByLabel('Notes', { exact: true }).fill('first visit');
  await page.getByLabel('Amount received', { exact: true }).focus();
  await payExactCash(page);

  await page.getByRole('button', { name: 'Record another payment' }).click();
  await expect(page.getByLabel('Amount received', { exact: true })).toBeFocused();
  await expect(page.getByText('WU-10007', { exact: true })).toBeVisible();
  // Nothing of the last payment is carried over: no notes, nothing received yet.
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Amount received', { exact: true })).toHaveValue('');
});

test('AC15: Return to dashboard, and Esc, go back to the dashboard with the payment at the top', async ({ page }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10008');
  await openPaymentForm(page);
  const receipt = await payExactCash(page);

  await page.getByRole('button', { name: 'Return to dashboard' }).click();
  await expect(page.getByRole('combobox', { name: 'Find a consumer' })).toBeFocused();
  const recent = page.getByRole('region', { name: 'Recent payments' });
  await expect(recent.locator('tbody tr').first()).toContainText(receipt);

  await recent.getByRole('button', { name: receipt }).click();
  await expect(page.getByRole('heading', { name: `Receipt ${receipt}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Find a consumer' })).toBeFocused();
});

test('AC8: a method an administrator disables in Settings > payment modes is no longer offered at the counter', async ({ page, request }) => {
  const admin = await apiAs(request, 'admin', '9999');
  const before = await admin.call('settings-get', {});
  try {
    await logIn(page, 'admin', '9999');
    await page.getByRole('button', { name: 'Payment modes' }).click();
    await page.getByRole('switch', { name: 'Bank transfer enabled' }).uncheck();
    await page.getByLabel('Label of card').fill('Card (POS)');
    await page.getByRole('button', { name: 'Save payment modes' }).click();
    await expect(page.getByText('Payment modes saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Log out' }).click();

    await logIn(page, 'jane', '1234', { till: true });
    await openAccount(page, 'WU-10009');
    await openPaymentForm(page);
    await expect(page.getByRole('radio', { name: 'Card (POS)', exact: true })).toHaveCount(1);
    await expect(page.getByRole('radio', { name: 'Bank transfer', exact: true })).toHaveCount(0);
    await choose(page, 'M-PESA');
  } finally {
    await admin.call('settings-payment-modes-set', {
      paymentMethods: before.paymentMethods,
      channels: before.channels,
      overpaymentLimit: (before.overpaymentLimit / 100).toFixed(2),
      creditNoteValidityMonths: before.creditNoteValidityMonths,
      notesMaxLength: before.notesMaxLength,
    });
  }
});

test('an overpayment limit that is not money is refused on its field, and nothing changes', async ({ page, request }) => {
  const admin = await apiAs(request, 'admin', '9999');
  const before = await admin.call('settings-get', {});
  await logIn(page, 'admin', '9999');
  await page.getByRole('button', { name: 'Payment modes' }).click();
  await page.getByLabel('Overpayment limit').fill('ten');
  await page.getByRole('button', { name: 'Save payment modes' }).click();
  await expect(page.getByRole('textbox', { name: 'Overpayment limit' })).toHaveAttribute('aria-invalid', 'true');
  expect(await admin.call('settings-get', {})).toEqual(before);
});

test('an administrator edits a posted payment: it is reversed and recorded again with a new receipt', async ({ page, request }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10010');
  await openPaymentForm(page);
  const wrong = await payExactCash(page);
  await page.getByRole('button', { name: 'Log out' }).click();

  await logIn(page, 'admin', '9999');
  await page.getByRole('region', { name: 'Recent payments' }).getByRole('button', { name: wrong }).click();
  await page.getByRole('button', { name: 'Edit payment' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit receipt ${wrong}` });
  const paid = await dialog.getByLabel('Amount paid').inputValue();
  const less = ((Math.round(Number(paid) * 100) - 1000) / 100).toFixed(2);
  await dialog.getByLabel('Amount paid').fill(less);
  await dialog.getByLabel('Amount received').fill(less);
  await expect(dialog.getByRole('button', { name: 'Reverse and record again' })).toBeDisabled();
  await dialog.getByLabel('Reason').fill('Cashier keyed the full bill; the customer paid 10.00 less');
  await dialog.getByRole('button', { name: 'Reverse and record again' }).click();

  const heading = page.getByRole('heading', { name: /^Receipt R-/ });
  await expect(heading).not.toHaveText(`Receipt ${wrong}`);
  await expect(page.getByRole('region', { name: 'Payment amount analysis' })).toContainText('Under paid');

  const api = await apiAs(request, 'mary', '3456');
  const account = await api.account('WU-10010');
  expect(account.recentPayments.find((p) => p.receiptNumber === wrong)?.status).toBe('reversed');
});
