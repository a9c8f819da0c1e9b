/**
 * A printable document (receipt, credit note, Z report) as plain data. Core
 * builds it; the ESC/POS, PDF and on-screen renderers only lay it out, so all
 * three always say the same thing.
 */
export type DocumentLine =
  | { kind: 'text'; text: string; align?: 'left' | 'center' | 'right'; bold?: boolean; size?: 'normal' | 'large' }
  /** A label on the left and a value on the right: "Amount paid ....... KES 145.50". */
  | { kind: 'pair'; left: string; right: string; bold?: boolean }
  | { kind: 'rule' }
  | { kind: 'blank' }
  | { kind: 'qr'; data: string };

export interface PrintDocument {
  title: string;
  /** A safe file name for the PDF download, without extension. */
  fileName: string;
  copy: boolean;
  lines: DocumentLine[];
}
