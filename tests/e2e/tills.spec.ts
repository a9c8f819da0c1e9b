import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { cents, formatMoneyAscii } from '../../core/money.js';
import { decodeEscPos } from '../support/escpos-decoder.js';
import { startFakePrinter } from '../support/fake-printer.js';
import { apiAs, today } from './api.js';
import { centsIn, choose, logIn, openAccount, openPaymentForm, receiptNumber } from './counter.js';
import { expect, test } from './fixtures.js';

/**
 * Issue 5 at the counter: a cashier's till from the opening float to the Z
 * report, and the branch manager's end of day. Closing the day locks the
 * terminal's whole day, so this spec has a counter of its own
 * (playwright.config.ts, port 4396), and its tests run in order.
 */
test.use({ baseURL: 'http://127.0.0.1:4396' });
test.describe.configure({ mode: 'serial' });

/** An amount as the screens show it: "KES 6,880.00", "-KES 50.00". */
const money = (amount: number) => formatMoneyAscii(cents(amount), 'KES');
const header = (page: Page) => page.getByRole('banner');
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function goToTill(page: Page) {
  await header(page).getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Till', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Till', exact: true, level: 1 })).toBeVisible();
}

async function count(page: Page, counts: Record<string, number>) {
  for (const [label, pieces] of Object.entries(counts)) await page.getByLabel(label, { exact: true }).fill(String(pieces));
}

async function downloadPdf(page: Page, report: 'X' | 'Z') {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename(), `the ${report} report's PDF`).toMatch(/\.pdf$/);
  expect((await readFile((await download.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

/** From the account, pays the prefilled amount by card or M-PESA: returns the receipt number and the amount. */
async function payBy(page: Page, accountNumber: string, method: 'Card' | 'M-PESA', fill: Record<string, string>) {
  await openAccount(page, accountNumber);
  await page.keyboard.press('Enter');
  await choose(page, method);
  const amount = centsIn(await page.getByLabel('Amount paid', { exact: true }).inputValue());
  for (const [label, value] of Object.entries(fill)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel(Object.keys(fill).at(-1)!, { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Confirm payment' }).press('Enter');
  const receipt = await receiptNumber(page);
  await page.keyboard.press('Escape');
  return { receipt, amount };
}

test('a negative or fractional count is refused on its denomination, and no till is opened', async ({ page, request }) => {
  await logIn(page, 'jane', '1234');
  await expect(header(page).getByRole('button', { name: 'No till open' })).toBeVisible();

  // Without a till there is no payment form, only the way to the till.
  await openAccount(page, 'WU-10001');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Open a till before taking payments' })).toBeVisible();
  await expect(page.getByLabel('Amount received', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Go to the till' }).click();
  await expect(page.getByRole('heading', { name: 'Open a till' })).toBeVisible();

  await count(page, { 'Notes of 1000': 2, 'Notes of 500': -1 });
  await page.getByRole('button', { name: 'Open till' }).click();
  await expect(page.getByLabel('Notes of 500', { exact: true })).toHaveAccessibleDescription('The count of 500 notes must be a whole number, zero or more');
  await expect(page.getByLabel('Notes of 1000', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');

  await count(page, { 'Notes of 500': 0, 'Coins of 20': 2.5 });
  await page.getByRole('button', { name: 'Open till' }).click();
  await expect(page.getByLabel('Coins of 20', { exact: true })).toHaveAccessibleDescription('The count of 20 coins must be a whole number, zero or more');
  await expect(page.getByLabel('Notes of 500', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');

  await expect(page.getByRole('heading', { name: 'Open a till' })).toBeVisible();
  await expect(header(page).getByRole('button', { name: 'No till open' })).toBeVisible();
  const jane = await apiAs(request, 'jane', '1234');
  expect((await jane.call('till-current', {})).till).toBeNull();
});

test('a till from the float to the Z report, and the end of day that closes the business day', async ({ page, request }) => {
  test.setTimeout(180_000);
  await logIn(page, 'jane', '1234');
  await goToTill(page);

  // The float, counted note by note: 6,880.00.
  await count(page, { 'Notes of 1000': 5, 'Notes of 500': 2, 'Notes of 100': 5, 'Notes of 50': 4, 'Coins of 20': 5, 'Coins of 10': 5, 'Coins of 5': 4, 'Coins of 1': 10 });
  await expect(page.getByTestId('counted-total')).toHaveText('KES 6,880.00');
  await page.getByRole('button', { name: 'Open till' }).click();
  const till = header(page).getByRole('button', { name: /^Till TS-T01-\d+ · open$/ });
  await expect(till).toBeVisible();
  const tillNumber = (await till.textContent())!.replace(/^Till /, '').replace(/ · open$/, '');
  await expect(page.getByRole('heading', { name: `Till ${tillNumber}` })).toBeVisible();
  const float = 688_000;

  // Cash: John Doe's 145.50 paid with 200.00, 54.50 in change.
  await page.keyboard.press('Escape');
  await openAccount(page, 'WU-10001');
  await openPaymentForm(page);
  await expect(page.getByLabel('Amount paid', { exact: true })).toHaveValue('145.50');
  await page.keyboard.type('200.00');
  await expect(page.getByText('Change: KES 54.50')).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Confirm payment' }).press('Enter');
  const cashReceipt = await receiptNumber(page);
  await page.keyboard.press('Escape');

  const card = await payBy(page, 'WU-10014', 'Card', { 'Card approval code': 'T5C0DE', 'Card last four digits': '4242' });
  const mpesa = await payBy(page, 'WU-10017', 'M-PESA', { 'M-PESA receipt code': 'TLL5A1B2C3' });

  // The cash payment is reversed with Mary's PIN: 145.50 goes back out of the drawer.
  await page.getByRole('region', { name: 'Recent payments' }).getByRole('button', { name: cashReceipt }).click();
  await page.getByRole('button', { name: 'Reverse payment' }).click();
  const reverse = page.getByRole('dialog', { name: `Reverse receipt ${cashReceipt}` });
  await reverse.getByLabel('Reason').fill('Paid on the wrong account');
  await reverse.getByLabel('Approving manager').fill('mary');
  await reverse.getByLabel('Manager PIN').fill('3456');
  await reverse.getByRole('button', { name: 'Reverse payment' }).click();
  await expect(page.getByRole('group', { name: 'Status' }).getByText('Reversed', { exact: true })).toBeVisible();

  // A safe drop of 500.00; above the limit a manager would have to approve.
  await goToTill(page);
  await page.getByRole('button', { name: 'Cash in / out' }).click();
  const move = page.getByRole('dialog', { name: 'Cash in or out' });
  await choose(page, 'Cash out');
  await move.getByLabel('Amount', { exact: true }).fill('6000.00');
  await expect(move.getByLabel('Approving manager')).toBeVisible();
  await move.getByLabel('Amount', { exact: true }).fill('500.00');
  await expect(move.getByLabel('Approving manager')).toHaveCount(0);
  await move.getByLabel('Reason', { exact: true }).fill('Safe drop');
  await move.getByRole('button', { name: 'Record cash out' }).click();
  await expect(move).toHaveCount(0);

  // The X report: the figures so far, the ones that would give the count away hidden.
  await page.getByRole('button', { name: 'X report' }).click();
  const cash = region(page, 'Cash');
  await expect(cash).toContainText(`Opening float${money(float)}`);
  await expect(cash).toContainText('Cash out' + money(50_000));
  await expect(cash).toContainText('Expected cashHidden until the count');
  await expect(page.getByRole('table', { name: 'Cash in and out' })).toContainText('Safe drop');
  await expect(region(page, 'Till')).toContainText(`First receipt${cashReceipt}`);
  await expect(region(page, 'Till')).toContainText(`Last receipt${mpesa.receipt}`);
  await downloadPdf(page, 'X');

  // The blind count, 50.00 short of 6,880.00 + 200.00 − 54.50 − 500.00 − 145.50 = 6,380.00.
  const expected = float + 20_000 - 5_450 - 50_000 - 14_550;
  expect(expected).toBe(638_000);
  await page.getByRole('button', { name: 'Close till' }).click();
  await expect(page.getByRole('heading', { name: 'Count the till' })).toBeVisible();
  await expect(page.getByText(/Expected/)).toHaveCount(0);
  const short = { 'Notes of 1000': 6, 'Notes of 100': 3, 'Coins of 20': 1, 'Coins of 10': 1 };
  await count(page, short);
  await expect(page.getByTestId('counted-total')).toHaveText(money(expected - 5_000));
  await page.getByLabel('Card settlement total').fill((card.amount / 100).toFixed(2));
  await page.getByLabel('M-PESA statement total').fill((mpesa.amount / 100).toFixed(2));
  await page.getByRole('button', { name: 'Submit count' }).click();

  const variance = page.getByRole('table', { name: 'Variance' });
  await expect(variance.getByRole('row', { name: /^Cash/ })).toContainText(`${money(expected)}${money(expected - 5_000)}-KES 50.00 short`);
  await expect(variance.getByRole('row', { name: /^Cash/ })).toContainText('Beyond tolerance');
  await expect(variance.getByRole('row', { name: /^Card/ })).toContainText(`${money(card.amount)}${money(card.amount)}KES 0.00`);
  await expect(header(page).getByRole('button', { name: `Till ${tillNumber} · waiting for approval` })).toBeVisible();

  // A recount comes to the same; both counts are kept.
  await page.getByRole('button', { name: 'Recount' }).click();
  await expect(page.getByRole('heading', { name: 'Recount the till' })).toBeVisible();
  await count(page, short);
  await page.getByLabel('Card settlement total').fill((card.amount / 100).toFixed(2));
  await page.getByLabel('M-PESA statement total').fill((mpesa.amount / 100).toFixed(2));
  await page.getByRole('button', { name: 'Submit count' }).click();
  await expect(page.getByRole('region', { name: 'Counts kept' })).toContainText(/First count at .* by Jane Smith/);
  await expect(page.getByRole('region', { name: 'Counts kept' })).toContainText(/Recount at .* by Jane Smith/);

  // Jane cannot approve her own shortage; Mary does, with a reason.
  await page.getByLabel('Approving manager').fill('jane');
  await page.getByLabel('Manager PIN').fill('1234');
  await page.getByLabel('Reason for the variance').fill('Short 50.00 after two counts; cashier to explain');
  await page.getByRole('button', { name: 'Approve and close' }).click();
  await expect(page.getByLabel('Approving manager')).toHaveAccessibleDescription(/not a branch manager/);
  await page.getByLabel('Approving manager').fill('mary');
  await page.getByLabel('Manager PIN').fill('3456');
  await page.getByRole('button', { name: 'Approve and close' }).click();

  // The Z report.
  await expect(page.getByRole('heading', { name: 'Z report' })).toBeVisible();
  await expect(header(page).getByRole('button', { name: 'No till open' })).toBeVisible();
  for (const [label, amount] of [
    ['Opening float', float],
    ['Cash received', 20_000],
    ['Change given', 5_450],
    ['Cash in', 0],
    ['Cash out', 50_000],
    ['Cash refunds', 14_550],
    ['Expected cash', expected],
  ] as const) {
    await expect(cash).toContainText(`${label}${money(amount)}`);
  }
  await expect(variance.getByRole('row', { name: /^Cash/ })).toContainText(`${money(expected)}${money(expected - 5_000)}-KES 50.00 short`);
  const methods = page.getByRole('table', { name: 'By method' });
  await expect(methods.getByRole('row', { name: /^Card/ })).toContainText(`1${money(card.amount)}0${money(0)}${money(card.amount)}`);
  await expect(methods.getByRole('row', { name: /^M-PESA/ })).toContainText(`1${money(mpesa.amount)}0${money(0)}${money(mpesa.amount)}`);
  await expect(methods.getByRole('row', { name: /^Cash/ })).toContainText(`1${money(14_550)}1${money(14_550)}${money(0)}`);
  await expect(region(page, 'Till')).toContainText('StatusClosed');
  await expect(region(page, 'Till')).toContainText('Receipts3');
  await expect(region(page, 'Till')).toContainText(`First receipt${cashReceipt}`);
  await expect(region(page, 'Till')).toContainText(`Last receipt${mpesa.receipt}`);
  await expect(page.getByRole('table', { name: 'Reversals' })).toContainText(new RegExp(`RV-\\S+${cashReceipt}Cash${money(14_550)}`));
  await expect(page.getByRole('table', { name: 'Counts' }).locator('tbody tr')).toHaveCount(2);
  await expect(region(page, 'Variance approval')).toContainText('Approved byMary Wanjiku');
  await expect(region(page, 'Variance approval')).toContainText('Short 50.00 after two counts');
  await downloadPdf(page, 'Z');
  const printer = await startFakePrinter();
  try {
    await (await apiAs(request, 'admin', '9999')).call('printer-set', { address: printer.address, paperWidth: 80 });
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await expect(page.getByText('Z report printed.')).toBeVisible();
    const [job] = await printer.waitForJobs(1, 10_000);
    const paper = decodeEscPos(job!).text;
    for (const printed of ['Z REPORT', tillNumber, cashReceipt, mpesa.receipt, 'SHORT KES 50.00']) expect(paper).toContain(printed);
    expect(paper).toMatch(/Variance approved by\s+Mary Wanjiku/);
  } finally {
    await printer.close();
  }

  // Mary's end of day: the day cannot close while her own till is open.
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, 'mary', '3456');
  await goToTill(page);
  await choose(page, 'Enter a total');
  await page.getByLabel('Opening float', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Open till' }).click();
  const marys = header(page).getByRole('button', { name: /^Till TS-T01-\d+ · open$/ });
  await expect(marys).toBeVisible();
  const marysNumber = (await marys.textContent())!.replace(/^Till /, '').replace(/ · open$/, '');

  await header(page).getByRole('button', { name: 'End of day' }).click();
  await expect(page.getByLabel('Business day')).toHaveValue(today());
  const tills = page.getByRole('table', { name: 'Tills' });
  const janes = tills.getByRole('row', { name: new RegExp(`^${tillNumber}`) });
  await expect(janes).toContainText(`${tillNumber}T01Jane SmithThis terminalClosed`);
  await expect(janes).toContainText(`${money(expected)}${money(expected - 5_000)}-KES 50.00 short`);
  await expect(janes).toContainText('Mary Wanjiku');
  await expect(tills.getByRole('row', { name: new RegExp(`^${marysNumber}`) })).toContainText('Open');
  await janes.getByRole('button', { name: tillNumber }).click();
  const zReport = page.getByRole('dialog', { name: `Z report · Till ${tillNumber}` });
  await expect(zReport.getByRole('region', { name: 'Variance approval' })).toContainText('Approved byMary Wanjiku');
  await zReport.getByRole('button', { name: 'Close the report' }).click();
  await expect(zReport).toHaveCount(0);
  await page.getByRole('button', { name: 'Close business day' }).click();
  await page.getByRole('dialog', { name: /^Close business day/ }).getByRole('button', { name: 'Close the day' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The day was not closed' })).toContainText(`Close till ${marysNumber} (Mary Wanjiku) before closing the day`);

  // Her till, empty, closes on its count; then the day closes.
  await goToTill(page);
  await page.getByRole('button', { name: 'Close till' }).click();
  await page.getByRole('button', { name: 'Submit count' }).click();
  await expect(page.getByRole('heading', { name: 'Z report' })).toBeVisible();
  await header(page).getByRole('button', { name: 'End of day' }).click();
  await expect(tills.getByRole('row', { name: new RegExp(`^${marysNumber}`) })).toContainText('Closed');
  await page.getByRole('button', { name: 'Close business day' }).click();
  await page.getByRole('dialog', { name: /^Close business day/ }).getByRole('button', { name: 'Close the day' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Business day ${today()} is closed` })).toContainText(/Day closed at \d\d:\d\d by Mary Wanjiku/);
  await expect(page.getByRole('button', { name: 'Close business day' })).toHaveCount(0);

  // Nothing more on a closed day: no new till.
  await goToTill(page);
  await page.getByRole('button', { name: 'Open a new till' }).click();
  await choose(page, 'Enter a total');
  await page.getByLabel('Opening float', { exact: true }).fill('1000.00');
  await page.getByRole('button', { name: 'Open till' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The till was not opened' })).toContainText(`The business day ${today()} is closed; nothing more can be taken on it`);
  await expect(header(page).getByRole('button', { name: 'No till open' })).toBeVisible();
});

test('Settings > Tills: an administrator sets the notes and coins, the blind count, the tolerance and the approval limit', async ({ page, request }) => {
  const admin = await apiAs(request, 'admin', '9999');
  await logIn(page, 'admin', '9999');
  await header(page).getByRole('button', { name: 'Till settings' }).click();
  const denominations = page.getByRole('table', { name: 'Denominations' });
  await expect(denominations.locator('tbody tr')).toHaveCount(9);
  await page.getByRole('button', { name: 'Add denomination' }).click();
  await page.getByLabel('Face value of denomination 10').fill('2000');
  await page.getByLabel('Note or coin, denomination 10').selectOption('note');
  await page.getByRole('button', { name: 'Remove denomination 9 (1)' }).click();
  await expect(denominations.locator('tbody tr')).toHaveCount(9);
  await page.getByRole('switch', { name: 'Blind count' }).uncheck();

  // A negative tolerance is refused on its field, and nothing is saved.
  const before = await admin.call('settings-get', {});
  await page.getByLabel('Variance tolerance').fill('-1');
  await page.getByRole('button', { name: 'Save till settings' }).click();
  await expect(page.getByLabel('Variance tolerance')).toHaveAccessibleDescription(/Variance tolerance cannot be negative/);
  expect((await admin.call('settings-get', {})).tills).toEqual(before.tills);

  await page.getByLabel('Variance tolerance').fill('5.00');
  await page.getByLabel('Cash in/out approval limit').fill('2000.00');
  await page.getByRole('button', { name: 'Save till settings' }).click();
  await expect(page.getByText('Till settings saved.')).toBeVisible();
  const { tills } = await admin.call('settings-get', {});
  expect(tills).toMatchObject({ blindCount: false, varianceTolerance: 500, cashMovementApprovalAbove: 200_000 });
  expect(tills.denominations).toContainEqual({ value: 200_000, kind: 'note' });
  expect(tills.denominations).not.toContainEqual({ value: 100, kind: 'coin' });
});
