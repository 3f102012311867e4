import 'dotenv/config';

import { start } from './app';
import { logger } from './logger';

const server = start();

function shutdown(signal: NodeJS.Signals): void {
  logger.info('shutting down', { signal });
  server.close((err) => {
    if (err) {
      logger.error('error while closing server', { error: String(err) });
      process.exit(1);
    }
    process.exit(0);
  });
  // Do not hang forever on keep-alive connections.
  setTimeout(() => process.exit(1), 10_000).unref();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
