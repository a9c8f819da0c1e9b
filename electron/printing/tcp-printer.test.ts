import { afterEach, describe, expect, it } from 'vitest';
import { buildReceipt } from '../../core/receipts/receipt.js';
import { DEFAULT_SETTINGS } from '../../core/settings/settings.js';
import { decodeEscPos } from '../../tests/support/escpos-decoder.js';
import { startFakePrinter, type FakePrinter } from '../../tests/support/fake-printer.js';
import { samplePayment } from '../../tests/support/sample-payment.js';
import { encodeEscPos } from './escpos.js';
import { sendToNetworkPrinter } from './tcp-printer.js';

describe('sendToNetworkPrinter', () => {
  let printer: FakePrinter | undefined;
  afterEach(async () => {
    await printer?.close();
    printer = undefined;
  });

  it('delivers the receipt bytes to the printer intact, one job per print', async () => {
    printer = await startFakePrinter();
    const bytes = encodeEscPos(buildReceipt(samplePayment(), DEFAULT_SETTINGS, { copyNumber: 0 }), 80);
    await sendToNetworkPrinter(printer.address, bytes);
    await sendToNetworkPrinter(printer.address, bytes);
    const [first, second] = await printer.waitForJobs(2);
    expect(first).toEqual(bytes);
    expect(second).toEqual(bytes);
    expect(decodeEscPos(first!).text).toContain('R-T01-5001');
  });

  it('delivers a job far larger than the socket buffers without losing or reordering a byte', async () => {
    printer = await startFakePrinter();
    const bytes = Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 7) % 256));
    await sendToNetworkPrinter(printer.address, bytes);
    expect((await printer.waitForJobs(1))[0]!.equals(bytes)).toBe(true);
  });

  it('says the printer refused the connection when nothing listens on its port', async () => {
    printer = await startFakePrinter({ mode: 'refuse-after-close' });
    await expect(sendToNetworkPrinter(printer.address, Buffer.from('x'))).rejects.toThrow(
      `The printer at 127.0.0.1:${printer.port} refused the connection. Is it switched on?`,
    );
  });

  it('gives up with a timeout message when the printer takes the connection but never reads, however small the job', async () => {
    printer = await startFakePrinter({ mode: 'hang' });
    const started = Date.now();
    await expect(sendToNetworkPrinter(printer.address, Buffer.from('R-T01-5001\n'), { timeoutMs: 300 })).rejects.toThrow(
      `The printer at 127.0.0.1:${printer.port} did not answer within 0.3 s. Check its cable or network.`,
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it.each(['', 'http://192.168.1.50:9100', 'tcp://192.168.1.50', 'tcp://192.168.1.50:0', 'tcp://192.168.1.50:70000'])(
    'refuses the printer address %j before connecting',
    async (address) => {
      await expect(sendToNetworkPrinter(address, Buffer.from('x'))).rejects.toThrow(
        `The printer address "${address}" is not valid. It must look like tcp://192.168.1.50:9100 (Settings > Printer).`,
      );
    },
  );
});
