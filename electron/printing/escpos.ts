import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { DocumentLine, PrintDocument } from '../../core/receipts/print-document.js';

interface Paper {
  /** Characters per line in the printer's standard font. */
  columns: number;
  /** Dots per QR module: as big as the roll comfortably takes. */
  qrCellSize: number;
}

export const PAPER: Record<58 | 80, Paper> = {
  58: { columns: 32, qrCellSize: 4 },
  80: { columns: 48, qrCellSize: 6 },
};

/** A document in, ESC/POS bytes out. Sending them is tcp-printer's job. */
export function encodeEscPos(document: PrintDocument, paperWidth: 58 | 80): Buffer {
  const paper = PAPER[paperWidth];
  // No interface: this printer object only collects bytes and cannot send them.
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    interface: '',
    width: paper.columns,
    characterSet: CharacterSet.PC437_USA,
    removeSpecialCharacters: true,
    breakLine: BreakLine.NONE,
  });
  for (const line of document.lines) encodeLine(printer, line, paper);
  printer.cut();
  return printer.getBuffer();
}

/** Between lines the printer is left-aligned, not bold and normal-sized; a line that changes that puts it back. */
function encodeLine(printer: ThermalPrinter, line: DocumentLine, paper: Paper): void {
  switch (line.kind) {
    case 'text': {
      const large = line.size === 'large';
      const aligned = line.align === 'center' || line.align === 'right';
      if (line.align === 'center') printer.alignCenter();
      if (line.align === 'right') printer.alignRight();
      if (line.bold) printer.bold(true);
      if (large) printer.setTextQuadArea();
      // A large letter is twice as wide, so half as many fit on a line.
      for (const part of fold(line.text, large ? Math.floor(paper.columns / 2) : paper.columns)) printer.println(part);
      if (large) printer.setTextNormal();
      if (line.bold) printer.bold(false);
      if (aligned) printer.alignLeft();
      return;
    }
    case 'pair': {
      if (line.bold) printer.bold(true);
      if (line.left.length + 1 + line.right.length <= paper.columns) {
        printer.leftRight(line.left, line.right);
      } else {
        // Too long for one line: the label, then the value on the right, nothing cut off.
        for (const part of fold(line.left, paper.columns)) printer.println(part);
        for (const part of fold(line.right, paper.columns)) printer.leftRight('', part);
      }
      if (line.bold) printer.bold(false);
      return;
    }
    case 'rule':
      printer.drawLine();
      return;
    case 'blank':
      printer.newLine();
      return;
    case 'qr':
      printer.alignCenter();
      printer.printQR(line.data, { cellSize: paper.qrCellSize, correction: 'M', model: 2 });
      printer.newLine();
      printer.alignLeft();
      return;
  }
}

/** Breaks text at spaces into lines of at most `width` characters; a word longer than a line is split. */
function fold(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > width) {
    const space = rest.lastIndexOf(' ', width);
    const cut = space > 0 ? space : width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}
