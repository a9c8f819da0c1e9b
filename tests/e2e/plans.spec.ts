import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { addDays, addMonths, daysBetween } from '../../core/dates/calendar.js';
import { cents, formatMoneyAscii } from '../../core/money.js';
import { decodeEscPos } from '../support/escpos-decoder.js';
import { startFakePrinter } from '../support/fake-printer.js';
import { apiAs, moveClock, today } from './api.js';
import { choose, logIn, openAccount, payExactCash } from './counter.js';
import { expect, test } from './fixtures.js';

/**
 * Issue 6 at the counter: a recovery executive turns John Doe's arrears into
 * a payment plan, a cashier takes its first installment, and when the second
 * is left unpaid past grace the plan breaks, the alert is raised and the
 * disconnection hold is released. The spec moves the counter's clock, so it
 * has a counter of its own (playwright.config.ts, port 4395, test clock on);
 * its tests run in order, the clock moved last.
 */
test.use({ baseURL: 'http://127.0.0.1:4395' });
test.describe.configure({ mode: 'serial' });

/** An amount as the screens show it: "KES 132.58". */
const money = (amount: number) => formatMoneyAscii(cents(amount), 'KES');
const navigation = (page: Page) => page.getByRole('banner').getByRole('navigation', { name: 'Main' });
const plansOnAccount = (page: Page) => page.getByRole('region', { name: 'Payment plans' });

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByLabel('User', { exact: true })).toBeFocused();
}

test('a plan with a first due date in the past or no installments is refused on its field, and nothing is stored', async ({ page, request }) => {
  const samuel = await apiAs(request, 'samuel', '4567');
  const { rows } = await samuel.call('delinquent-search', { plan: 'without', limit: 1 });
  const consumer = rows[0]!;

  await logIn(page, 'samuel', '4567');
  await openAccount(page, consumer.accountNumber);
  await expect(plansOnAccount(page)).toContainText('No payment plans.');
  await plansOnAccount(page).getByRole('button', { name: 'New payment plan' }).click();
  await expect(page.getByRole('heading', { name: 'New payment plan' })).toBeVisible();

  const firstDue = page.getByLabel('First due date', { exact: true });
  const installments = page.getByLabel('Number of installments', { exact: true });
  await firstDue.fill(addDays(today(), -1));
  await expect(firstDue).toHaveAccessibleDescription(/The first due date cannot be in the past/);
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(firstDue).toHaveAccessibleDescription(/The first due date cannot be in the past/);
  await expect(page.getByRole('heading', { name: 'New payment plan' })).toBeVisible();

  await firstDue.fill(addDays(today(), 7));
  await installments.fill('0');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(installments).toHaveAccessibleDescription(/Number of installments must be at least 1/);
  await expect(firstDue).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: 'New payment plan' })).toBeVisible();

  expect(await samuel.call('plans-of-consumer', { consumerId: consumer.consumerId })).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(plansOnAccount(page)).toContainText('No payment plans.');
});

test('a three-installment plan over John Doe’s arrears is printed, paid into, and breaks when the second installment is missed past grace', async ({ page, request }) => {
  const printer = await startFakePrinter();
  try {
    const admin = await apiAs(request, 'admin', '9999');
    await admin.call('printer-set', { address: printer.address, paperWidth: 80 });
    const { graceDays } = (await admin.call('settings-get', {})).plans;

    // The recovery executive finds John Doe among the accounts in arrears, longest overdue first.
    await logIn(page, 'samuel', '4567');
    await navigation(page).getByRole('button', { name: /^Recovery/ }).click();
    await expect(page.getByRole('heading', { name: 'Recovery', level: 1 })).toBeVisible();
    const list = page.getByRole('table', { name: 'Delinquent accounts' });
    await list.getByRole('button', { name: /Days overdue/ }).click();
    await expect(list.getByRole('columnheader', { name: /Days overdue/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(list.getByRole('row').nth(1)).toContainText('John Doe');

    // The export holds every matching account, John Doe's arrears as a plain number.
    const downloadingCsv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csvFile = await downloadingCsv;
    expect(csvFile.suggestedFilename()).toMatch(/^delinquent-accounts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await csvFile.path())!, 'utf8');
    expect(csv).toContain('Account,Name,Account status,Arrears,Oldest due,Days overdue,Plan,Plan status');
    expect(csv).toContain('WU-10001,John Doe,Active,397.75,2025-04-10,');

    await list.getByRole('button', { name: 'WU-10001' }).click();
    await expect(page.getByRole('heading', { name: 'John Doe' })).toBeVisible();
    await plansOnAccount(page).getByRole('button', { name: 'New payment plan' }).click();

    // Every past-due bill and charge is covered; three monthly installments, no down payment, the first in a week.
    for (const reference of ['INV-2025-001234', 'INV-2025-001567', 'Reconnection Fee', 'Late Fee']) {
      await expect(page.getByRole('checkbox', { name: `Cover ${reference}` })).toBeChecked();
    }
    const firstDueOn = addDays(today(), 7);
    await page.getByLabel('Down payment', { exact: true }).fill('');
    await page.getByLabel('Number of installments', { exact: true }).fill('3');
    await choose(page, 'Monthly');
    await page.getByLabel('First due date', { exact: true }).fill(firstDueOn);
    const schedule = page.getByRole('region', { name: 'Schedule' });
    await expect(schedule.getByRole('row')).toHaveCount(5);
    for (const row of [`Installment 1.*${money(13_258)}`, `Installment 2.*${money(13_258)}`, `Installment 3.*${money(13_259)}`, `Total.*${money(39_775)}`]) {
      await expect(schedule.getByRole('row', { name: new RegExp(row) })).toBeVisible();
    }
    await page.getByRole('button', { name: 'Create plan' }).click();

    const title = page.getByRole('heading', { name: /^Plan PP-/ });
    await expect(title).toBeVisible();
    const planNumber = (await title.textContent())!.replace(/^Plan /, '').trim();
    const summary = page.getByRole('region', { name: `Plan ${planNumber}` });
    await expect(summary.getByText('On track', { exact: true })).toBeVisible();
    await expect(summary.getByText('Disconnection hold', { exact: true })).toBeVisible();
    await expect(summary).toContainText(money(39_775));
    // A recovery executive does not take money: a cashier does.
    await expect(summary).toContainText('A cashier takes it at the till');
    await expect(summary.getByRole('button', { name: 'Pay next installment' })).toHaveCount(0);

    // The agreement, on the thermal printer and as a PDF.
    const agreement = page.getByRole('region', { name: 'Agreement' });
    await agreement.getByRole('button', { name: 'Print', exact: true }).click();
    await expect(agreement.getByRole('status')).toHaveText(/printed|queued/i);
    const [job] = await printer.waitForJobs(1, 10_000);
    const paper = decodeEscPos(job!).text;
    for (const printed of [planNumber, 'John Doe', 'WU-10001', '132.59', '397.75']) expect(paper).toContain(printed);
    const downloadingPdf = page.waitForEvent('download');
    await agreement.getByRole('button', { name: 'Download PDF' }).click();
    const pdf = await downloadingPdf;
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await logOut(page);

    // The cashier pays the first installment from the plan, through the payment form.
    await logIn(page, 'jane', '1234', { till: true });
    await openAccount(page, 'WU-10001');
    await plansOnAccount(page).getByRole('button', { name: planNumber }).click();
    await page.getByRole('button', { name: 'Pay next installment' }).click();
    await expect(page.getByRole('radio', { name: 'Installment' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: `Pay ${planNumber} #1` })).toBeChecked();
    await expect(page.getByLabel('Amount paid', { exact: true })).toHaveValue('132.58');
    await expect(page.getByLabel('Amount received', { exact: true })).toBeFocused();
    await payExactCash(page);
    await logOut(page);

    // Past the second due date and its grace, with the second installment unpaid.
    const secondDueOn = addMonths(firstDueOn, 1);
    await moveClock(request, daysBetween(today(), secondDueOn) + graceDays + 1);

    await logIn(page, 'samuel', '4567');
    const samuel = await apiAs(request, 'samuel', '4567');
    const { open } = await samuel.call('plan-alerts', { includeAcknowledged: false });
    await expect(navigation(page).getByTestId('plan-alert-count')).toHaveText(String(open));
    await navigation(page).getByRole('button', { name: /^Plan alerts/ }).click();
    const broken = page.getByRole('listitem', { name: `Plan broken: ${planNumber}` });
    await expect(broken).toContainText(`${planNumber} is broken`);
    await expect(broken).toContainText('The disconnection hold on the account is released.');
    await expect(broken).toContainText('John Doe');
    await expect(broken.getByRole('button', { name: 'Acknowledge' })).toBeVisible();

    await broken.getByRole('button', { name: planNumber }).click();
    await expect(title).toBeVisible();
    await expect(summary.getByText('Broken', { exact: true })).toBeVisible();
    await expect(summary.getByText('Disconnection hold', { exact: true })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Schedule' }).click();
    await expect(page.getByRole('row', { name: /Installment 1.*Paid/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Installment 2.*Missed/ })).toBeVisible();

    await summary.getByRole('button', { name: /John Doe/ }).click();
    await expect(page.getByRole('heading', { name: 'John Doe' })).toBeVisible();
    await expect(plansOnAccount(page).getByRole('row', { name: new RegExp(planNumber) })).toContainText('Broken');
    await expect(plansOnAccount(page).getByText('Disconnection hold')).toHaveCount(0);
  } finally {
    await printer.close();
  }
});
