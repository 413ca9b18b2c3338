import { createServer } from 'node:net';

/** Asks the OS for a port that is free on 127.0.0.1 right now (it may be taken again before use). */
export const freeLoopbackPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() =>
        port === undefined ? reject(new Error('the OS returned no port')) : resolve(port),
      );
    });
  });
