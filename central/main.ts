import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCentral } from './server.js';

/**
 * npm run central -- [--port 4320] [--data <dir>] [--demo] [--enrolment-code X] [--admin-key Y]
 * The reference central billing server on loopback, for development and manual tests.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4320' },
    data: { type: 'string', default: join(process.cwd(), '.central-data') },
    demo: { type: 'boolean', default: false },
    'enrolment-code': { type: 'string', multiple: true },
    'admin-key': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}

const central = await startCentral({
  port,
  dataDir: values.data,
  demo: values.demo,
  enrolmentCodes: values['enrolment-code'],
  adminKey: values['admin-key'],
});
console.log(`Central billing server at ${central.url}  enrolment code: ${central.enrolmentCodes.join(', ')}  admin key: ${central.adminKey}  data: ${values.data}`);

let closing = false;
async function shutDown(): Promise<void> {
  if (closing) return;
  closing = true;
  await central.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutDown());
process.on('SIGTERM', () => void shutDown());
