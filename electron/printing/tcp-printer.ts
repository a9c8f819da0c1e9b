import { Socket } from 'node:net';

const ADDRESS = /^tcp:\/\/([\w.-]+):(\d{1,5})$/;

/**
 * Sends ESC/POS bytes to a network printer (raw TCP, usually port 9100). It
 * resolves only when the printer, having read to our end of the data, closes
 * its side too: bytes merely handed to the operating system would also
 * "succeed" with a printer that stopped reading. That is still not paper out of
 * the printer; raw TCP has no such answer. Every failure is a sentence a
 * cashier can act on.
 */
export async function sendToNetworkPrinter(address: string, bytes: Buffer, options: { timeoutMs?: number } = {}): Promise<void> {
  const match = ADDRESS.exec(address.trim());
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65535) {
    throw new Error(`The printer address "${address}" is not valid. It must look like tcp://192.168.1.50:9100 (Settings > Printer).`);
  }
  const host = match[1]!;
  const where = `${host}:${port}`;
  const timeoutMs = options.timeoutMs ?? 5000;

  await new Promise<void>((resolve, reject) => {
    const socket = new Socket();
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new Error(message));
    };

    // Idle time, so it covers both connecting and a printer that stops reading mid-job.
    socket.setTimeout(timeoutMs, () =>
      fail(`The printer at ${where} did not answer within ${formatSeconds(timeoutMs)}. Check its cable or network.`),
    );
    socket.on('error', (error: NodeJS.ErrnoException) => fail(describeFailure(error, host, where)));
    socket.on('close', (hadError) => {
      if (settled || hadError) return;
      settled = true;
      resolve();
    });
    socket.connect(port, host, () => socket.end(bytes));
    // Drain whatever status bytes the printer sends, or its closing would go unseen.
    socket.resume();
  });
}

function describeFailure(error: NodeJS.ErrnoException, host: string, where: string): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `The printer at ${where} refused the connection. Is it switched on?`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return `The printer at ${where} cannot be reached. Check its cable or network.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `No printer called ${host} was found on the network. Check the printer address (Settings > Printer).`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `The printer at ${where} dropped the connection before the receipt was sent. Try again.`;
    default:
      return `The printer at ${where} could not be reached (${error.code ?? error.message}).`;
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
