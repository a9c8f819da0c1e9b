import { notifications } from '@mantine/notifications';
import { call } from '../../api/client.js';
import { downloadBase64 } from '../../download.js';

/** The Credit Notes menu's "Print credit note": straight to the receipt printer; a printer that does not take it says why. */
export async function printCreditNote(id: string, number: string) {
  const result = await call('document-print', { document: 'credit_note', id });
  if (!result.ok) return notifications.show({ color: 'red', title: `Credit note ${number} did not print`, message: result.error.message });
  if (result.value.status === 'failed') return notifications.show({ color: 'red', title: `Credit note ${number} did not print`, message: `${result.value.error ?? 'The printer did not take it.'} Download the PDF to print it elsewhere.` });
  const printed = result.value.status === 'printed';
  notifications.show({ color: 'green', title: printed ? `Credit note ${number} printed` : `Credit note ${number} sent to the printer`, message: result.value.copy ? 'It says COPY: it was printed before.' : 'On the receipt printer.' });
}

/** The Credit Notes menu's "Download": the credit note as a PDF. */
export async function downloadCreditNote(id: string, number: string) {
  const result = await call('document-pdf', { document: 'credit_note', id });
  if (!result.ok) return notifications.show({ color: 'red', title: `Credit note ${number} could not be downloaded`, message: result.error.message });
  const { fileName, pdfBase64 } = result.value;
  downloadBase64(pdfBase64, fileName.toLowerCase().endsWith('.pdf') ? fileName : `${fileName}.pdf`, 'application/pdf');
}
