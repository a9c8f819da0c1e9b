import PDFDocument from 'pdfkit';
import type { DocumentLine, PrintDocument } from '../../core/receipts/print-document.js';

/** An 80 mm roll, so the download looks like the paper receipt. */
const PAGE_WIDTH = (80 / 25.4) * 72;
const MARGIN = 12;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FONT_SIZE = { normal: 8, large: 12, qr: 6 };
/** Every line is laid out across the full width, with a little air between lines. */
const BOX = { width: CONTENT_WIDTH, lineGap: 2 };

/** The same document the thermal printer gets, as a one-page PDF as long as the receipt. */
export async function renderPdf(document: PrintDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ autoFirstPage: false, info: { Title: document.title, Creator: 'Counter' } });
  const height = document.lines.reduce((total, line) => total + place(pdf, line, 0, false), 0);
  pdf.addPage({ size: [PAGE_WIDTH, Math.ceil(height + 2 * MARGIN)], margin: MARGIN });

  const chunks: Uint8Array[] = [];
  pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  let y = MARGIN;
  for (const line of document.lines) y += place(pdf, line, y, true);
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Lays one line out at `y` and returns its height; with `draw` false it only measures, so the page can be cut to length. */
function place(pdf: PDFKit.PDFDocument, line: DocumentLine, y: number, draw: boolean): number {
  switch (line.kind) {
    case 'text': {
      const size = line.size === 'large' ? FONT_SIZE.large : FONT_SIZE.normal;
      pdf.font(line.bold ? 'Courier-Bold' : 'Courier').fontSize(size);
      const options = { ...BOX, align: line.align ?? 'left' };
      if (draw) pdf.text(line.text, MARGIN, y, options);
      return pdf.heightOfString(line.text, options);
    }
    case 'pair': {
      pdf.font(line.bold ? 'Courier-Bold' : 'Courier').fontSize(FONT_SIZE.normal);
      const lineHeight = pdf.heightOfString('X', BOX);
      const fits = pdf.widthOfString(`${line.left} ${line.right}`) <= CONTENT_WIDTH;
      // Too long for one line: the label, then the value on the right, as on paper.
      const rightY = fits ? y : y + pdf.heightOfString(line.left, BOX);
      if (draw) {
        pdf.text(line.left, MARGIN, y, BOX);
        pdf.text(line.right, MARGIN, rightY, { ...BOX, align: 'right' });
      }
      return rightY - y + (fits ? lineHeight : pdf.heightOfString(line.right, BOX));
    }
    case 'rule': {
      const height = FONT_SIZE.normal;
      if (draw) pdf.moveTo(MARGIN, y + height / 2).lineTo(PAGE_WIDTH - MARGIN, y + height / 2).lineWidth(0.5).dash(2, { space: 2 }).stroke().undash();
      return height;
    }
    case 'blank':
      return FONT_SIZE.normal;
    case 'qr': {
      // pdfkit draws no QR codes; its data is printed as text instead, which identifies the receipt as well.
      pdf.font('Courier').fontSize(FONT_SIZE.qr);
      const options = { ...BOX, align: 'center' as const };
      if (draw) pdf.text(line.data, MARGIN, y + FONT_SIZE.qr / 2, options);
      return pdf.heightOfString(line.data, options) + FONT_SIZE.qr;
    }
  }
}
