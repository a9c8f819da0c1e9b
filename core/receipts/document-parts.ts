import type { CounterSettings } from '../settings/settings.js';
import type { DocumentLine, PrintDocument } from './print-document.js';

type TextStyle = Pick<Extract<DocumentLine, { kind: 'text' }>, 'align' | 'bold' | 'size'>;

/**
 * Thermal printers print only what their code page holds, so document text is
 * plain printable ASCII: accents are dropped ("Zoë" → "Zoe"), typographic
 * quotes and dashes become their ASCII kin, and every control character
 * becomes a space or goes, so no name or note can smuggle a printer command
 * (ESC, GS) into the bytes.
 */
export function plainAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s/g, ' ')
    .replace(/[\x00-\x1f\x7f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

export const text = (value: string, style: TextStyle = {}): DocumentLine => ({ kind: 'text', text: plainAscii(value), ...style });

export const pair = (left: string, right: string, bold = false): DocumentLine => ({
  kind: 'pair',
  left: plainAscii(left),
  right: plainAscii(right),
  ...(bold ? { bold } : {}),
});

export const rule: DocumentLine = { kind: 'rule' };

/**
 * How many times this document has already come out of a printer: 0 is the
 * original, 1 the first reprint. Every reprint says COPY; from the second on
 * it also says which, so two copies in a drawer can be told apart.
 */
export interface Printing {
  copyNumber: number;
}

/** The utility and branch, the COPY banner on a reprint, then the document's name. */
export function documentHead(settings: CounterSettings, heading: string, { copyNumber }: Printing): DocumentLine[] {
  const banner = copyNumber > 1 ? `*** COPY ${copyNumber} ***` : '*** COPY ***';
  return [
    text(settings.utilityName, { align: 'center', bold: true, size: 'large' }),
    text(settings.branchName, { align: 'center' }),
    ...(copyNumber > 0 ? [text(banner, { align: 'center', bold: true })] : []),
    text(heading, { align: 'center', bold: true }),
    { kind: 'blank' },
  ];
}

/** Title and PDF file name of a document, marked as a copy on a reprint. */
export function finishDocument(name: string, number: string, { copyNumber }: Printing, lines: DocumentLine[]): PrintDocument {
  const copy = copyNumber > 0;
  const safeNumber = number.replace(/[^A-Za-z0-9-]+/g, '-');
  return {
    title: plainAscii(`${name} ${number}${copy ? ' (COPY)' : ''}`),
    fileName: `${name.toLowerCase().replace(/\s+/g, '-')}-${safeNumber}${copy ? '-copy' : ''}`,
    copy,
    lines,
  };
}
