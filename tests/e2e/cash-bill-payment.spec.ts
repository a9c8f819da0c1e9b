import { readFile } from 'node:fs/promises';
import { decodeEscPos } from '../support/escpos-decoder.js';
import { startFakePrinter } from '../support/fake-printer.js';
import { apiAs } from './api.js';
import { centsIn, logIn, receiptNumber } from './counter.js';
import { expect, test } from './fixtures.js';

/**
 * The whole flow, as a cashier does it with the keyboard: John Doe
 * (WU-10001) pays bill INV-2025-001234 of 145.50 with 150.00 in cash.
 */
test('a cash bill payment goes from search to a printed receipt and stays paid', async ({ page, request }, testInfo) => {
  const printer = await startFakePrinter();
  try {
    const admin = await apiAs(request, 'admin', '9999');
    await admin.call('printer-set', { address: printer.address, paperWidth: 80 });

    await logIn(page, 'jane', '1234', { till: true });
    await expect(page.getByText('Jane Smith')).toBeVisible();

    // Search as you type, partial and case-insensitive; arrows and Enter choose.
    await page.keyboard.type('doe');
    await expect(page.getByRole('option', { name: /John Doe/ })).toBeVisible();
    const selected = page.getByRole('option', { selected: true });
    for (let step = 0; step < 20 && !(await selected.textContent())?.includes('John Doe'); step++) await page.keyboard.press('ArrowDown');
    await expect(selected).toContainText('WU-10001');
    await page.keyboard.press('Enter');

    // The account, with its balance from the ledger.
    await expect(page.getByRole('heading', { name: 'John Doe' })).toBeVisible();
    await expect(page.getByText('WU-10001')).toBeVisible();
    await expect(page.getByText('123 Main Street, Cityville')).toBeVisible();
    await expect(page.getByText('john.doe@email.com')).toBeVisible();
    const balanceBefore = centsIn(await page.getByTestId('current-balance').textContent());
    await expect(page.getByRole('button', { name: 'Record payment' })).toBeFocused();
    await page.keyboard.press('Enter');

    // Bill, the oldest unpaid bill chosen, cash, walk-in; the cursor waits in Amount received.
    await expect(page.getByRole('radio', { name: 'Bill' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Pay INV-2025-001234' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Pay INV-2025-001567' })).not.toBeChecked();
    await expect(page.getByRole('radio', { name: 'Cash' })).toBeChecked();
    await expect(page.getByLabel('Channel', { exact: true })).toHaveValue('walk_in');
    await expect(page.getByLabel('Channel', { exact: true }).locator('option:checked')).toHaveText('Walk-in');
    await expect(page.getByLabel('Amount paid', { exact: true })).toHaveValue('145.50');
    await expect(page.getByLabel('Amount received', { exact: true })).toBeFocused();
    await page.keyboard.type('150.00');
    await expect(page.getByText('Change: KES 4.50')).toBeVisible();
    await page.getByLabel('Notes', { exact: true }).fill('Customer paid in full');
    await page.getByLabel('Amount received', { exact: true }).press('Enter');

    // Review: account summary and payment summary; Confirm has the focus.
    await expect(page.getByRole('heading', { name: 'Review payment' })).toBeVisible();
    const account = page.getByRole('region', { name: 'Account' });
    await expect(account).toContainText('John Doe');
    await expect(account).toContainText('WU-10001');
    await expect(account).toContainText(`Current balance`);
    const payment = page.getByRole('region', { name: 'Payment' });
    for (const shown of ['Bill', 'Walk-in', 'Cash', 'INV-2025-001234', 'KES 145.50', 'KES 150.00', 'KES 4.50', 'Customer paid in full', 'Jane Smith']) {
      await expect(payment).toContainText(shown);
    }
    await expect(page.getByRole('button', { name: 'Confirm payment' })).toBeFocused();
    await page.keyboard.press('Enter');

    // Posted and verified, with numbers from the number formats.
    const receipt = await receiptNumber(page);
    expect(receipt).toMatch(/^R-T01-\d+$/);
    const status = page.getByRole('group', { name: 'Status' });
    await expect(status.getByText('Posted', { exact: true })).toBeVisible();
    await expect(status.getByText('Verified', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Payment information' }).getByText(/^PAY-\d{4}-T01-\d{6}$/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Transaction information' }).getByText(/^TXN-\d{4}-T01-\d{6}$/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Processing information' })).toContainText('Immediate');
    const onScreen = page.getByRole('region', { name: 'Receipt' });
    await expect(onScreen).toContainText(receipt);
    await expect(onScreen).toContainText('145.50');
    await expect(onScreen).toContainText('4.50');
    // Kept as a file in test-results/ as well as in the HTML report.
    const shot = testInfo.outputPath('receipt.png');
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach('receipt', { path: shot, contentType: 'image/png' });

    // Print: Enter on the focused Print button sends ESC/POS to the printer.
    await expect(page.getByRole('button', { name: 'Print' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Receipt printed.')).toBeVisible();
    const [job] = await printer.waitForJobs(1, 10_000);
    const paper = decodeEscPos(job!);
    expect(paper.text).toContain(receipt);
    expect(paper.text).toContain('145.50');
    expect(paper.text).toContain('4.50');
    expect(paper.cuts).toBe(1);

    // Download PDF: a real PDF file.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Back on the dashboard the payment leads the recent payments, and opens its receipt again.
    await page.getByRole('button', { name: 'Return to dashboard' }).click();
    const recent = page.getByRole('region', { name: 'Recent payments' });
    await recent.getByRole('button', { name: receipt }).click();
    await expect(page.getByRole('heading', { name: `Receipt ${receipt}` })).toBeVisible();
    await page.keyboard.press('Escape');

    // After a reload, and after logging out and in again, the bill is paid and the balance is lower.
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Find a consumer' })).toBeFocused();
    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, 'jane', '1234', { till: true });
    await expect(page.getByRole('region', { name: 'Recent payments' }).getByRole('button', { name: receipt })).toBeVisible();
    await page.keyboard.type('WU-10001');
    await expect(page.getByRole('option', { selected: true })).toContainText('John Doe');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('current-balance')).toHaveText(/\d/);
    expect(centsIn(await page.getByTestId('current-balance').textContent())).toBe(balanceBefore - 14550);
    await expect(page.getByText('INV-2025-001567')).toBeVisible();
    await expect(page.getByText('INV-2025-001234')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('checkbox', { name: 'Pay INV-2025-001567' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Pay INV-2025-001234' })).toHaveCount(0);
  } finally {
    await printer.close();
  }
});
