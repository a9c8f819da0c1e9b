/**
 * Reads back the ESC/POS bytes our encoder emits, so tests can assert on what
 * would come out on paper. No npm package decodes ESC/POS. It knows exactly
 * the commands node-thermal-printer's EPSON driver sends for our documents and
 * throws on anything else, so a new command cannot slip past the tests unread.
 */
export interface DecodedReceipt {
  /** The printed lines joined with newlines. */
  text: string;
  /** Each printed line, ended by LF or by a paper feed (ESC d); the feed itself adds no lines. */
  lines: string[];
  /** How many character columns each line takes on paper: double-width letters take two. */
  widths: number[];
  /** Runs of text printed while bold was on, one per line. */
  bold: string[];
  /** Full or partial paper cuts (GS V). */
  cuts: number;
  /** The data of every QR code stored for printing (GS ( k, function 180). */
  qr: string[];
}

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** ESC commands and how many parameter bytes follow the command byte. */
const ESC_PARAMS: Record<number, number> = {
  0x40: 0, // @  initialise
  0x32: 0, // 2  default line spacing
  0x33: 1, // 3  line spacing
  0x61: 1, // a  justification
  0x45: 1, // E  bold
  0x21: 1, // !  print mode (size)
  0x2d: 1, // -  underline
  0x4d: 1, // M  font
  0x74: 1, // t  code page
  0x7b: 1, // {  upside down
  0x64: 1, // d  print and feed n lines
};

/** GS commands with fixed parameter lengths (GS V and GS ( k are read separately). */
const GS_PARAMS: Record<number, number> = {
  0x21: 1, // !  character size
  0x42: 1, // B  reverse
};

export function decodeEscPos(bytes: Buffer): DecodedReceipt {
  const lines: string[] = [];
  const widths: number[] = [];
  const bold: string[] = [];
  const qr: string[] = [];
  let cuts = 0;
  let line = '';
  let width = 0;
  /** The bold text on the current line so far; null while bold is off. */
  let boldRun: string | null = null;
  let scale = 1;

  const byteAt = (index: number) => {
    const value = bytes[index];
    if (value === undefined) throw new Error(`ESC/POS data ends inside a command at byte ${index}`);
    return value;
  };
  const keepBoldRun = () => {
    if (boldRun) bold.push(boldRun);
  };
  const endBoldRun = () => {
    keepBoldRun();
    boldRun = null;
  };
  const endLine = () => {
    keepBoldRun();
    if (boldRun !== null) boldRun = '';
    lines.push(line);
    widths.push(width);
    line = '';
    width = 0;
  };
  const hex = (value: number) => `0x${value.toString(16).padStart(2, '0')}`;

  let i = 0;
  while (i < bytes.length) {
    const byte = byteAt(i);
    if (byte === LF) {
      endLine();
      i += 1;
    } else if (byte === ESC) {
      const command = byteAt(i + 1);
      const params = ESC_PARAMS[command];
      if (params === undefined) throw new Error(`Unknown ESC command ${hex(command)} at byte ${i}`);
      const n = params > 0 ? byteAt(i + 2) : 0;
      if (command === 0x40) {
        endBoldRun();
        scale = 1;
      }
      if (command === 0x45) {
        if (n & 1) boldRun ??= '';
        else endBoldRun();
      }
      if (command === 0x21) scale = n & 0x20 ? 2 : 1;
      if (command === 0x64 && line !== '') endLine();
      i += 2 + params;
    } else if (byte === GS) {
      const command = byteAt(i + 1);
      if (command === 0x56) {
        // GS V m, plus a feed amount n when m is 65 or 66.
        const m = byteAt(i + 2);
        cuts += 1;
        i += m === 65 || m === 66 ? 4 : 3;
      } else if (command === 0x28 && byteAt(i + 2) === 0x6b) {
        // GS ( k pL pH cn fn [parameters]: pL + 256 pH bytes follow pH.
        const length = byteAt(i + 3) + 256 * byteAt(i + 4);
        const body = bytes.subarray(i + 5, i + 5 + length);
        if (body.length !== length) throw new Error(`ESC/POS data ends inside a GS ( k command at byte ${i}`);
        if (body[0] === 0x31 && body[1] === 0x50) qr.push(body.subarray(3).toString('latin1'));
        i += 5 + length;
      } else {
        const params = GS_PARAMS[command];
        if (params === undefined) throw new Error(`Unknown GS command ${hex(command)} at byte ${i}`);
        if (command === 0x21) scale = ((byteAt(i + 2) >> 4) & 7) + 1;
        i += 2 + params;
      }
    } else if (byte >= 0x20) {
      const char = String.fromCharCode(byte);
      line += char;
      width += scale;
      if (boldRun !== null) boldRun += char;
      i += 1;
    } else {
      throw new Error(`Unexpected control byte ${hex(byte)} at byte ${i}`);
    }
  }
  if (line !== '') endLine();
  endBoldRun();
  return { text: lines.join('\n'), lines, widths, bold, cuts, qr };
}
