import { downloadBase64 } from '../download.js';

/** Hands a CSV to the browser as a download, in UTF-8 with a byte-order mark so a spreadsheet reads names like "Wanjirũ" right. */
export function downloadCsv(csv: string, fileName: string) {
  const bytes = new TextEncoder().encode(`\uFEFF${csv}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  downloadBase64(btoa(binary), fileName, 'text/csv;charset=utf-8');
}
