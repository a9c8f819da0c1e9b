/**
 * Hands a made file to the browser (or Electron's download handler) as a
 * download, without leaving the page. A Blob, not base64 text: an export can
 * run to many megabytes.
 */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Released a while later, not at once: some browsers read the blob only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file the backend sent as base64 (a PDF). */
export function downloadBase64(base64: string, fileName: string, type: string) {
  saveFile(new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type }), fileName);
}

/** A CSV in UTF-8 with a byte-order mark, so a spreadsheet reads names like "Wanjirũ" right. */
export function downloadCsv(csv: string, fileName: string) {
  saveFile(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), fileName);
}
