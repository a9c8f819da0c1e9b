import { apiAs } from './api.js';
import { choose, logIn, openAccount, openPaymentForm, receiptNumber } from './counter.js';
import { expect, test } from './fixtures.js';

/**
 * Issue 3 at the counter: several items and their order, partial and over
 * payments, credit notes made and applied, M-PESA and its verification,
 * card, a credit note by hand and a reversal. Each test has consumers of its own.
 */

const allocationRows = (page: import('@playwright/test').Page) => page.getByRole('table', { name: 'Allocation' }).locator('tbody tr');

test('AC9: several bills paid in an order the cashier sets show what each receives and what stays outstanding', async ({ page }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10014');
  await openPaymentForm(page);

  // The oldest bill is chosen; the others join in due order.
  await expect(page.getByRole('checkbox', { name: 'Pay INV-2026-020038' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Pay INV-2026-020036' }).check();
  await page.getByRole('checkbox', { name: 'Pay INV-2026-020037' }).check();
  await expect(page.getByLabel('Amount paid', { exact: true })).toHaveValue('305.00');
  await expect(allocationRows(page)).toHaveText([/INV-2026-020038/, /INV-2026-020037/, /INV-2026-020036/]);

  await page.getByLabel('Amount paid', { exact: true }).fill('200.00');
  await expect(allocationRows(page).nth(0)).toContainText('KES 155.00KES 155.00KES 0.00');
  await expect(allocationRows(page).nth(1)).toContainText('KES 97.50KES 45.00KES 52.50');
  await expect(allocationRows(page).nth(2)).toContainText('KES 52.50KES 0.00KES 52.50');

  // The newest bill first: it is paid in full and the oldest takes the rest.
  await page.getByRole('button', { name: 'Pay INV-2026-020036 earlier' }).click();
  await page.getByRole('button', { name: 'Pay INV-2026-020036 earlier' }).click();
  await expect(allocationRows(page)).toHaveText([/INV-2026-020036/, /INV-2026-020038/, /INV-2026-020037/]);
  await expect(allocationRows(page).nth(0)).toContainText('KES 52.50KES 52.50KES 0.00');
  await expect(allocationRows(page).nth(1)).toContainText('KES 155.00KES 147.50KES 7.50');
  await expect(page.getByText('Outstanding after payment')).toBeVisible();

  await page.getByLabel('Amount received', { exact: true }).fill('200.00');
  await page.getByLabel('Amount received', { exact: true }).press('Enter');
  await expect(page.getByRole('region', { name: 'Payment' })).toContainText('INV-2026-020036 · KES 52.50 of KES 52.50');
  await page.getByRole('button', { name: 'Confirm payment' }).press('Enter');
  await receiptNumber(page);

  const items = page.getByRole('table', { name: 'Items paid' }).locator('tbody tr');
  await expect(items).toHaveText([/INV-2026-020036.*Paid in full/, /INV-2026-020038.*KES 147\.50.*KES 7\.50/]);
  await expect(page.getByRole('region', { name: 'Payment amount analysis' })).toContainText('Under paid');
});

test('AC24, AC29: a cash overpayment becomes a credit note, whose credit later pays a bill until it is Applied', async ({ page }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10012');
  await openPaymentForm(page);
  await expect(page.getByRole('checkbox', { name: 'Pay INV-2026-020031' })).toBeChecked();
  await page.getByLabel('Amount paid', { exact: true }).fill('150.00');
  await page.getByLabel('Amount received', { exact: true }).fill('150.00');
  await expect(page.getByText('The overpayment of KES 32.50 becomes a credit note for the consumer.')).toBeVisible();
  await page.getByLabel('Amount received', { exact: true }).press('Enter');
  await expect(page.getByRole('region', { name: 'Payment' })).toContainText('Credit note to issueKES 32.50');
  await page.getByRole('button', { name: 'Confirm payment' }).press('Enter');
  const receipt = await receiptNumber(page);

  const generated = page.getByRole('region', { name: 'Credit note generated' });
  await expect(generated).toContainText('KES 32.50');
  await expect(page.getByRole('region', { name: 'Receipt' })).toContainText('Credit note');
  const number = (await generated.getByRole('button', { name: /^CN-/ }).textContent())!;
  await generated.getByRole('button', { name: number }).click();

  await expect(page.getByRole('heading', { name: `Credit Note ${number}` })).toBeVisible();
  const financial = page.getByRole('region', { name: 'Financial details' });
  await expect(financial).toContainText('Original credit amountKES 32.50');
  await expect(financial).toContainText('Remaining balanceKES 32.50');
  await expect(financial).toContainText('Usage0.0%');
  await expect(page.getByRole('region', { name: 'Credit note information' })).toContainText('Overpayment');
  await expect(page.getByRole('region', { name: 'Credit note information' }).getByRole('button', { name: receipt })).toBeVisible();

  // The credit is a tender: it pays the next bill, as far as it goes.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await openAccount(page, 'WU-10012');
  await page.keyboard.press('Enter');
  await choose(page, 'Credit note');
  await expect(page.getByLabel('Credit note to apply', { exact: true }).locator('option:checked')).toContainText(number);
  await expect(page.getByLabel('Amount paid', { exact: true })).toHaveValue('32.50');
  await page.getByLabel('Amount paid', { exact: true }).press('Enter');
  await expect(page.getByRole('region', { name: 'Payment' })).toContainText(number);
  await page.getByRole('button', { name: 'Confirm payment' }).press('Enter');
  await receiptNumber(page);
  await page.getByRole('button', { name: number }).click();
  await expect(page.getByRole('heading', { name: `Credit Note ${number}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Credit note information' })).toContainText('StatusApplied');
  await expect(page.getByRole('region', { name: 'Financial details' })).toContainText('Remaining balanceKES 0.00');
  await expect(page.getByRole('region', { name: 'Financial details' })).toContainText('Usage100.0%');
});

test('AC23: an M-PESA code is checked for form and reuse, and the payment waits for a manager to verify it', async ({ page, request }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10017');
  await page.keyboard.press('Enter');
  await choose(page, 'M-PESA');
  await page.getByLabel('M-PESA receipt code', { exact: true }).fill('ABC12');
  await page.getByLabel('M-PESA receipt code', { exact: true }).press('Enter');
  await expect(page.getByLabel('M-PESA receipt code', { exact: true })).toHaveAccessibleDescription(/M-PESA receipt code must be 10 letters and digits/);
  await page.getByLabel('M-PESA receipt code', { exact: true }).fill('qfg7h8j9k0');
  await page.getByLabel('M-PESA receipt code', { exact: true }).press('Enter');
  await expect(page.getByRole('region', { name: 'Payment' })).toContainText('QFG7H8J9K0');
  await page.getByRole('button', { name: 'Confirm payment' }).press('Enter');
  const receipt = await receiptNumber(page);
  await expect(page.getByRole('group', { name: 'Status' }).getByText('Pending', { exact: true })).toBeVisible();
  const processing = page.getByRole('region', { name: 'Processing information' });
  await expect(processing.getByRole('button', { name: 'Verify payment' })).toBeDisabled();
  await expect(processing).toContainText('Only a branch manager or an administrator can verify a payment.');

  // The same code on another account is refused, naming the field.
  const jane = await apiAs(request, 'jane', '1234');
  const other = await jane.account('WU-10018');
  const reused = await jane.send('payment-record', {
    id: '019a0000-0000-7000-8000-0000000000a1',
    consumerId: other.consumer.id,
    type: 'bill',
    itemIds: [other.bills[0]!.id],
    method: 'mpesa',
    channel: 'walk_in',
    amountPaid: '10.00',
    reference: 'QFG7H8J9K0',
    paymentDate: new Date().toISOString().slice(0, 10),
  });
  expect(reused.ok ? null : reused.error).toMatchObject({ field: 'reference', message: expect.stringContaining('QFG7H8J9K0') });

  // A branch manager sees the money arrive and verifies it.
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, 'mary', '3456');
  await page.getByRole('region', { name: 'Recent payments' }).getByRole('button', { name: receipt }).click();
  await page.getByRole('region', { name: 'Processing information' }).getByRole('button', { name: 'Verify payment' }).click();
  await expect(page.getByText(`Payment ${receipt} is verified.`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Processing information' }).getByText('Verified', { exact: true })).toBeVisible();
});

test('AC7, AC40: installments are paid by card with its approval code and last four digits', async ({ page }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10001');
  await page.keyboard.press('Enter');
  await choose(page, 'Installment');
  await expect(page.getByRole('checkbox', { name: 'Pay PP-2025-0034 #1' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Pay PP-2025-0034 #3' })).toBeVisible();
  await choose(page, 'Card');
  await page.getByLabel('Card approval code', { exact: true }).fill('A1B2C3');
  await page.getByLabel('Card last four digits', { exact: true }).fill('42x');
  await page.getByLabel('Card last four digits', { exact: true }).press('Enter');
  await expect(page.getByLabel('Card last four digits', { exact: true })).toHaveAccessibleDescription(/Last four digits of the card must be 4 digits/);
  await page.getByLabel('Card last four digits', { exact: true }).fill('4242');
  await page.getByLabel('Card last four digits', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Confirm payment' }).press('Enter');
  await receiptNumber(page);
  await expect(page.getByRole('region', { name: 'Card details' })).toContainText('**** 4242');
  await expect(page.getByRole('table', { name: 'Items paid' })).toContainText('PP-2025-0034 #1');
  await expect(page.getByRole('region', { name: 'Receipt' })).toContainText('**** 4242');
});

test('AC25, AC26: a credit note by hand needs a reason, stays within the payment and a manager approves it; a reversal needs a manager PIN', async ({ page }) => {
  await logIn(page, 'jane', '1234', { till: true });
  await openAccount(page, 'WU-10020');
  await openPaymentForm(page);
  await page.keyboard.type('313.00');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Confirm payment' }).press('Enter');
  const receipt = await receiptNumber(page);

  await page.getByRole('button', { name: 'Create credit note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create credit note' });
  await expect(dialog.getByLabel('Credit amount')).toHaveValue('313.00');
  await expect(dialog.getByText('Maximum: KES 313.00')).toBeVisible();
  await expect(dialog.getByText(receipt)).toBeVisible();
  await expect(dialog.getByText(/^CN-/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Create' })).toBeDisabled();
  await dialog.getByLabel('Credit amount').fill('400.00');
  await expect(dialog.getByText('Credit amount cannot be more than KES 313.00')).toBeVisible();
  await dialog.getByLabel('Credit amount').fill('13.00');
  await dialog.getByLabel('Reason').selectOption({ label: 'Billing Error' });
  await expect(dialog).toContainText('Remaining payment valueKES 300.00');
  await dialog.getByLabel('Approving manager').fill('mary');
  await dialog.getByLabel('Manager PIN').fill('0000');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Approving manager or PIN is not right')).toBeVisible();
  await dialog.getByLabel('Manager PIN').fill('3456');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText(/^Credit note CN-\S+ created$/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Credit note generated' })).toContainText('KES 13.00');

  await page.getByRole('button', { name: 'Reverse payment' }).click();
  const reverse = page.getByRole('dialog', { name: `Reverse receipt ${receipt}` });
  await reverse.getByLabel('Reason').fill('Paid on the wrong account');
  await reverse.getByLabel('Approving manager').fill('jane');
  await reverse.getByLabel('Manager PIN').fill('1234');
  await reverse.getByRole('button', { name: 'Reverse payment' }).click();
  await expect(reverse.getByText(/not a branch manager/)).toBeVisible();
  await reverse.getByLabel('Approving manager').fill('mary');
  await reverse.getByLabel('Manager PIN').fill('3456');
  await reverse.getByRole('button', { name: 'Reverse payment' }).click();
  await expect(page.getByRole('group', { name: 'Status' }).getByText('Reversed', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Reversal' })).toContainText('Paid on the wrong account');
  await expect(page.getByRole('region', { name: 'Reversal' })).toContainText('Mary Wanjiku');
  await expect(page.getByRole('region', { name: 'Receipt' })).toContainText('*** REVERSED RV-');
  await expect(page.getByRole('button', { name: 'Reverse payment' })).toHaveCount(0);

  await page.keyboard.press('Escape');
  await openAccount(page, 'WU-10020');
  await expect(page.getByText('INV-2026-020056')).toBeVisible();
});
